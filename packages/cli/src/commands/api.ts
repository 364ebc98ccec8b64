import type { Command } from './command.js';
import { serve } from './serve.js';

export const api: Command = {
  name: 'api',
  usage: '  api                   the HTTP API only (PLACEBO_HOST, PLACEBO_PORT)',
  options: {},
  run: (context) => serve(context, true, false),
};
