// A minimal Sails 1 app (its layout as `sails new` makes it: config/, api/controllers/), lifted as its generated
// app.js does, on the port given as the first argument; no ORM, sockets or Grunt hooks (none installed).
const sails = require('sails');

sails.lift({
  port: Number(process.argv[2]),
  explicitHost: '127.0.0.1',
  hooks: { grunt: false, orm: false, sockets: false, pubsub: false },
  log: { level: 'warn' },
});
