// The admin panel's customisation (see app.example.js): no release notification, whose check fetches
// api.github.com from the browser (the recording must hold only the app's own traffic).
const config = {
  notifications: { releases: false },
};

export default {
  config,
};
