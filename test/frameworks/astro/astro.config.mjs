// An Astro 5 site rendered on demand (output "server") by the Node adapter in standalone mode. No session settings:
// the adapter's default driver (unstorage's fs-lite, in node_modules/.astro/sessions) and Astro's default cookie
// (`astro-session`). The one setting beside them, security.allowedDomains, names the host the site is served on: without
// it Astro (since 5.15) ignores the Host header, takes the site for http://localhost, and its origin check answers every
// form POST from http://127.0.0.1:<port> with a 403.
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  security: { allowedDomains: [{ hostname: '127.0.0.1', protocol: 'http' }] },
});
