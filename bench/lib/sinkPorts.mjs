// Where a sink's time goes: wraps the ports a sink is given so that each call's wall time is added to its port's
// total (calls that overlap each count in full), and the byte sizes of what was published.

const timed =
  (totals, name, f) =>
  (...args) => {
    const te = f(...args);
    return async () => {
      const t0 = performance.now();
      try {
        return await te();
      } finally {
        const t = totals.get(name) ?? { calls: 0, ms: 0 };
        t.calls++;
        t.ms += performance.now() - t0;
        totals.set(name, t);
      }
    };
  };

/** The same sink options with timed ports, and the totals they fill: `{ options, totals }`. */
export const timeSinkPorts = (o) => {
  const totals = new Map();
  const encoder = {
    ...o.encoder,
    encode: timed(totals, 'encode (rows)', o.encoder.encode),
    ...(o.encoder.encodeRecords === undefined ? {} : { encodeRecords: timed(totals, 'encode (records, SQL)', o.encoder.encodeRecords) }),
  };
  const options = {
    ...o,
    source: { ...o.source, read: timed(totals, 'log read', o.source.read) },
    encoder,
    lake: { ...o.lake, publish: timed(totals, 'lake publish', o.lake.publish) },
    registry: { ...o.registry, register: timed(totals, 'register partitions', o.registry.register) },
    offsets: { ...o.offsets, commit: timed(totals, 'offset commit', o.offsets.commit) },
  };
  return { options, totals };
};

/** A markdown table of the totals, with the share of the run's wall time. */
export const portTable = (totals, seconds) =>
  [
    '| port | calls | seconds (summed) | share of the run |',
    '|---|---:|---:|---:|',
    ...[...totals].map(([name, t]) => `| ${name} | ${t.calls} | ${(t.ms / 1000).toFixed(2)} | ${(t.ms / 10 / seconds) | 0} % |`),
  ].join('\n');
