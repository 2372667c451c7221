// As `sails new` writes it: a secret, everything else Sails' defaults (express-session, its memory store,
// `sails.sid`).
module.exports.session = {
  secret: '4b6a1c3f0e2d8a9b7c5e3f1a2b4c6d8e',
};
