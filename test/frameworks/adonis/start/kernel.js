// start/kernel.ts of the starter kits: the body parser and the session middleware on the router.
import router from '@adonisjs/core/services/router';
import server from '@adonisjs/core/services/server';

server.use([]);
router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/session/session_middleware'),
]);
