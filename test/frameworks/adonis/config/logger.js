// Logging off (the starter kit's pretty printer is a package of its own).
import { defineConfig } from '@adonisjs/core/logger';

export default defineConfig({ default: 'app', loggers: { app: { enabled: false, name: 'recording', level: 'info' } } });
