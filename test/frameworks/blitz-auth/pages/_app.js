import { withBlitz } from '../src/blitz-client';

function App({ Component, pageProps }) {
  return <Component {...pageProps} />;
}

export default withBlitz(App);
