import { demoEnv } from '../demo.js';
import type { Command } from './command.js';
import { serve } from './serve.js';

export const start: Command = {
  name: 'start',
  usage: '  start                 API and sink in one process (embedded mode); the local demo behind `npm start`',
  options: {},
  env: demoEnv,
  run: (context) => serve(context, true, true),
};
