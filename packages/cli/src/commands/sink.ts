import type { Command } from './command.js';
import { serve } from './serve.js';

export const sink: Command = {
  name: 'sink',
  usage: '  sink                  the sink only (log -> Parquet lake)',
  accepts: (args) => !args.includes('--catch-up'),
  run: (context) => serve(context, false, true),
};
