module.exports.routes = {
  'GET /': 'home',
  'GET /login': 'entrance/view-login',
  'POST /login': 'entrance/login',
  'GET /logout': 'account/logout',
};
