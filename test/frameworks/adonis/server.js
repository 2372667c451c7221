// AdonisJS 6 started as its starter kits' bin/server.ts starts it (the Ignitor's HTTP server process), without
// `node ace`: the app is plain JavaScript (adonisrc.js, config/, start/). Its port is the first argument.
import { Ignitor, prettyPrintError } from '@adonisjs/core';

process.env.HOST = '127.0.0.1';
process.env.PORT = process.argv[2];
const APP_ROOT = new URL('./', import.meta.url);
const IMPORTER = (filePath) =>
  filePath.startsWith('./') || filePath.startsWith('../') ? import(new URL(filePath, APP_ROOT).href) : import(filePath);

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.listen('SIGTERM', () => app.terminate());
  })
  .httpServer()
  .start()
  .catch((error) => {
    process.exitCode = 1;
    prettyPrintError(error);
  });
