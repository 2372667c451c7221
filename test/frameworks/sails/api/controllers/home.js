// The home page: a visit count in the session.
module.exports = function home(req, res) {
  req.session.visits = (req.session.visits || 0) + 1;
  return res.send(
    `<p>Hello ${req.session.userId || 'anon'} visits=${req.session.visits}</p><a id=logout href=/logout>Log out</a>`,
  );
};
