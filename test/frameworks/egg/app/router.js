module.exports = (app) => {
  const { router, controller } = app;
  router.get('/', controller.home.index);
  router.get('/login', controller.home.loginForm);
  router.post('/login', controller.home.login);
  router.get('/logout', controller.home.logout);
};
