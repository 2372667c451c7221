// As the login action of Sails' web app template (entrance/login.js): the user written into the session, which
// Sails persists when the response is sent; no new session ID.
module.exports = function login(req, res) {
  if (req.body.username !== 'alice' || req.body.password !== 'secret') {
    return res
      .status(401)
      .send(
        '<p>Bad combo</p><form method=post action=/login><input name=username><input type=password name=password>' +
          '<button>Sign in</button></form>',
      );
  }
  req.session.userId = req.body.username;
  return res.redirect('/');
};
