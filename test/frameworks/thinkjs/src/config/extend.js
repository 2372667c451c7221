// think-session's extension, as ThinkJS's session documentation adds it: ctx.session and controller.session.
const session = require('think-session');

module.exports = [session];
