// config/app.ts of AdonisJS 6's web starter kit, the APP_KEY written in (a throwaway key of the recording app).

import { Secret } from '@adonisjs/core/helpers';
import { defineConfig } from '@adonisjs/core/http';
import app from '@adonisjs/core/services/app';

export const appKey = new Secret('a-throwaway-app-key-of-the-recording-app');

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
});
