/**
 * `work` on every item, at most `limit` at a time; answers the results in the items' order. After a failure no item
 * is started, and the first failure is thrown only once the work already started has settled: nothing the caller
 * gave up on is still writing when it handles the failure.
 */
export const inParallel = async <A, B>(items: ReadonlyArray<A>, limit: number, work: (a: A) => Promise<B>): Promise<B[]> => {
  const results: B[] = new Array<B>(items.length);
  let next = 0;
  let failure: { readonly error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const i = next++;
      try {
        results[i] = await work(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw (failure as { readonly error: unknown }).error;
  return results;
};
