// Raneto's configuration for Sessionscope's recording: its example config (example/config.default.js) with our own
// content, secret and credentials; authentication on, needed to edit, not to read.
const path = require('node:path');

const RANETO = path.dirname(require.resolve('raneto/package.json'));

module.exports = {
  site_title: 'Sessionscope Docs',
  base_url: '',
  support_email: '',
  copyright: 'Powered by Raneto',
  excerpt_length: 400,
  page_sort_meta: 'sort',
  category_sort: true,
  show_on_home_default: true,
  theme_dir: path.join(RANETO, 'themes'),
  theme_name: 'default',
  content_dir: path.join(__dirname, 'content'),
  public_dir: path.join(RANETO, 'themes', 'default', 'public'),
  image_url: '/images',
  analytics: '',
  allow_editing: true,
  authentication: true,
  authentication_for_edit: true,
  authentication_for_read: false,
  googleoauth: false,
  secret: 'sessionscope-raneto-secret',
  credentials: [{ username: 'alice', password: 'secret' }],
  locale: 'en',
  datetime_format: 'Do MMM YYYY',
  rtl_layout: false,
  home_meta: {},
  table_of_contents: false,
};
