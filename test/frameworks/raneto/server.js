// Raneto for Sessionscope's recording: `node server.js <port>`, on 127.0.0.1, as its example/server.js starts it
// (`require('raneto')(config)`, then `app.listen`), with our config.js.
const fs = require('node:fs');
const path = require('node:path');
const raneto = require('raneto');
const config = require('./config.js');

// Raneto's postinstall runs gulp 3 to copy the theme's browser libraries (jQuery, Bootstrap, SweetAlert2…) from
// node_modules to themes/default/public/lib; gulp 3 does not run on Node 20 (and the packages are installed with
// --ignore-scripts): the same copy, done here once.
const lib = path.join(config.public_dir, 'lib');
if (!fs.existsSync(lib)) {
  const libs = [
    'bootstrap',
    'bootstrap-rtl',
    'fitvids',
    'highlightjs',
    'jquery',
    'masonry-layout',
    'sweetalert2',
    'jquery-backstretch',
  ];
  for (const name of libs) {
    fs.cpSync(path.dirname(require.resolve(`${name}/package.json`)), path.join(lib, name), { recursive: true });
  }
}

const port = Number(process.argv[2] ?? 3000);
const app = raneto(config);
app.listen(port, '127.0.0.1', () => {
  process.stdout.write(`raneto listening on 127.0.0.1:${port}\n`);
});
