/** Addresses only this machine can reach: the local demo's, where the one client is the person running it. */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * `placebo start` (`npm start`) is the local demo: when it listens on a loopback address and the operator left a setting
 * unset, it serves the seed routes so the README's walkthroughs work as they are. `placebo api`, the server, keeps the
 * safe defaults.
 */
export const demoEnv = (env: Readonly<Record<string, string | undefined>>): Readonly<Record<string, string | undefined>> => {
  if (!isLoopback((env.PLACEBO_HOST ?? '127.0.0.1').trim())) return env;
  return { ...env, PLACEBO_SEED_ROUTES: env.PLACEBO_SEED_ROUTES ?? 'true' };
};
