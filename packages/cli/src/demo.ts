/** Addresses only this machine can reach: the local demo's, where the one client is the person running it. */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * `placebo start` (`npm start`) is the local demo: when it listens on a loopback address and the operator left a setting
 * unset, it serves the seed routes so the README's walkthroughs work as they are, and counts no requests per address
(limits per account name stay). `placebo api`, the server, keeps the
 * safe defaults.
 */
export const demoEnv = (env: Readonly<Record<string, string | undefined>>): Readonly<Record<string, string | undefined>> => {
  if (!isLoopback((env.PLACEBO_HOST ?? '127.0.0.1').trim())) return env;
  return {
    ...env,
    PLACEBO_SEED_ROUTES: env.PLACEBO_SEED_ROUTES ?? 'true',
    // One client, the person at the keyboard, who may drive the demo with `placebo simulate` from this address.
    PLACEBO_RATE_IP_PER_MIN: env.PLACEBO_RATE_IP_PER_MIN ?? '0',
    PLACEBO_RATE_AUTH_IP_PER_MIN: env.PLACEBO_RATE_AUTH_IP_PER_MIN ?? '0',
  };
};
