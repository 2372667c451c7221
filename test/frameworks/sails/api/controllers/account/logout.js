// As the template's account/logout.js: the user removed from the session, then a redirect.
module.exports = function logout(req, res) {
  delete req.session.userId;
  return res.redirect('/');
};
