// No custom routes: ThinkJS's default routing, /login to the login controller's indexAction, /logout to logout's.
module.exports = [];
