// The app's rc file, as the starter kits' adonisrc.ts (plain JavaScript: no TypeScript loader, no `node ace`).
import { defineConfig } from '@adonisjs/core/app';

export default defineConfig({
  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/session/session_provider'),
  ],
  preloads: [() => import('./start/routes.js'), () => import('./start/kernel.js')],
});
