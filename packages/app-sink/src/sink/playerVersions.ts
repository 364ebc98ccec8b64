/**
 * The highest player_version landed per player from one partition, for dropping records the log carries twice. A
 * re-produced write intent repeats events already in the partition (same player, same versions) before any higher
 * version of that player, so "version at or below the highest landed" identifies the copy, whatever its age: the
 * versions are committed with the offset (OffsetStore.commit), and a player not in memory is looked up there.
 *
 * Memory is bounded: committed versions are cached for at most `capacity` players (least recently seen forgotten
 * first, then looked up again when they return); versions raised since the last commit stay until it.
 */
export interface PlayerVersions {
  /** Makes sure the players' versions are at hand; call it for a batch's players before admitting its records. */
  readonly prefetch: (players: ReadonlyArray<string>) => Promise<void>;
  /** Records the version and answers true when it is new; false for a copy (at or below the highest landed). */
  readonly admit: (playerId: string, version: number) => boolean;
  /** The versions raised since the last commit, to commit with the offset. */
  readonly pending: () => ReadonlyArray<readonly [string, number]>;
  /** The pending versions were committed. */
  readonly committed: () => void;
  /** Players held in memory (cached and pending). */
  readonly size: () => number;
}

export const createPlayerVersions = (o: {
  readonly capacity: number;
  /** The committed versions of those of the players that have one. */
  readonly lookup: (players: ReadonlyArray<string>) => Promise<ReadonlyMap<string, number>>;
}): PlayerVersions => {
  // 0: known to have none landed.
  const cache = new Map<string, number>();
  const raised = new Map<string, number>();
  // The committed versions of the batch being admitted, whatever the cache keeps of them.
  let batch = new Map<string, number>();
  const limit = Math.max(1, Math.floor(o.capacity));
  const remember = (playerId: string, version: number): void => {
    cache.delete(playerId);
    cache.set(playerId, version);
    while (cache.size > limit) {
      const oldest = cache.keys().next();
      if (oldest.done === true) break;
      cache.delete(oldest.value);
    }
  };
  return {
    prefetch: async (players) => {
      batch = new Map();
      const missing: string[] = [];
      for (const id of new Set(players)) {
        const cached = raised.has(id) ? undefined : cache.get(id);
        if (cached !== undefined) batch.set(id, cached);
        else if (!raised.has(id)) missing.push(id);
      }
      if (missing.length === 0) return;
      const found = await o.lookup(missing);
      for (const id of missing) {
        batch.set(id, found.get(id) ?? 0);
        remember(id, found.get(id) ?? 0);
      }
    },
    admit: (playerId, version) => {
      const seen = raised.get(playerId) ?? batch.get(playerId) ?? cache.get(playerId);
      if (seen === undefined) throw new Error(`player ${playerId} was not prefetched`);
      if (version <= seen) return false;
      raised.set(playerId, version);
      return true;
    },
    pending: () => [...raised],
    committed: () => {
      for (const [id, v] of raised) remember(id, v);
      raised.clear();
    },
    size: () => cache.size + raised.size,
  };
};
