import type { Command } from './command.js';
import { serve } from './serve.js';

export const sink: Command = {
  name: 'sink',
  usage: '  sink                  the sink only (log -> Parquet lake), until stopped',
  options: {},
  accepts: (values) => values['catch-up'] !== true,
  run: (context) => serve(context, false, true),
};
