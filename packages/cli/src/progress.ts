/** Progress of a long command on stderr: a bar on a terminal, a JSON line a second otherwise. */
export const createProgress = (label: string, unit: string) => {
  const started = Date.now();
  let lastPrint = 0;
  const tty = process.stderr.isTTY === true;
  const rate = (done: number): number => Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
  const update = (done: number, total: number, force = false): void => {
    const t = Date.now();
    if (!force && t - lastPrint < (tty ? 100 : 1000)) return;
    lastPrint = t;
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    if (tty) {
      const filled = Math.round(pct / 4);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(25 - filled)}] ${pct}% ${done}/${total} ${unit} ${rate(done)}/s   `);
    } else {
      process.stderr.write(
        `${JSON.stringify({ time: new Date(t).toISOString(), level: 'info', msg: label, done, total, percent: pct, per_second: rate(done) })}\n`,
      );
    }
  };
  return {
    update,
    done: (done: number, total: number): void => {
      update(done, total, true);
      if (tty) process.stderr.write('\n');
    },
  };
};
