import type { Command } from './command.js';
import { serve } from './serve.js';

export const api: Command = {
  name: 'api',
  usage: '  api                   the HTTP API only',
  run: (context) => serve(context, true, false),
};
