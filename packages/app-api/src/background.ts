/** Writes the API does after answering (records of reads), tracked so a shutdown can wait for them. */
export interface BackgroundWrites {
  readonly run: (write: () => Promise<unknown>) => void;
  /** Resolves once every write started so far has finished. */
  readonly settle: () => Promise<void>;
}

export const createBackgroundWrites = (onError: (e: unknown) => void): BackgroundWrites => {
  const running = new Set<Promise<unknown>>();
  return {
    run: (write) => {
      const p = write().catch(onError);
      running.add(p);
      void p.finally(() => running.delete(p));
    },
    settle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
};
