/**
 * Which items of a newest-first listing are new. YouTube lists have no "since" parameter for comments
 * and its search index lags, so each cycle reads from the top down to a watermark (the newest time
 * of the last finished cycle) minus an overlap, and a bounded set of recent ids removes repeats.
 */
export interface StreamState {
  /** Newest publishedAt (ISO) of the last finished cycle. */
  since?: string;
  /** Ids recently emitted: this cycle's first (newest first), then earlier cycles'; bounded. */
  recentIds: string[];
  /** An unfinished cycle, so a restart resumes it rather than re-reading or skipping. */
  pending?: {
    /** Absent after YouTube rejected the token: the cycle restarts from the top. */
    pageToken?: string;
    /** Newest publishedAt this cycle has seen so far. */
    newest?: string;
    /** How many ids at the front of `recentIds` this cycle added. */
    fresh: number;
  };
}

export interface WindowOptions {
  overlapMs: number;
  maxIds: number;
  /** Stop paging once the page reaches below the watermark (commentThreads: nothing older can be new). */
  stopBelowFloor: boolean;
}

export interface AdmittedPage<T> {
  fresh: T[];
  next: StreamState;
  done: boolean;
}

/** Times older than this were settled by an earlier cycle. */
export function floorOf(state: StreamState, overlapMs: number): number {
  return state.since ? Date.parse(state.since) - overlapMs : Number.NEGATIVE_INFINITY;
}

export function admitPage<T>(
  state: StreamState,
  items: readonly T[],
  nextPageToken: string | undefined,
  keyOf: (item: T) => { id: string; at: number },
  options: WindowOptions,
): AdmittedPage<T> {
  const floor = floorOf(state, options.overlapMs);
  const seen = new Set(state.recentIds);
  const fresh: T[] = [];
  const freshIds: string[] = [];
  let newest = state.pending?.newest ? Date.parse(state.pending.newest) : Number.NEGATIVE_INFINITY;
  let belowFloor = false;
  for (const item of items) {
    const { id, at } = keyOf(item);
    newest = Math.max(newest, at);
    if (at < floor) {
      belowFloor = true;
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    fresh.push(item);
    freshIds.push(id);
  }

  // This cycle's ids stay in the order read (newest first) ahead of older cycles', so the bound drops the oldest.
  const insertAt = Math.min(state.pending?.fresh ?? 0, state.recentIds.length);
  const recentIds = [...state.recentIds.slice(0, insertAt), ...freshIds, ...state.recentIds.slice(insertAt)].slice(
    0,
    options.maxIds,
  );
  const done = !nextPageToken || (options.stopBelowFloor && belowFloor);
  const newestIso = Number.isFinite(newest) ? new Date(newest).toISOString() : undefined;

  if (done) {
    const since = [state.since, newestIso]
      .filter((t): t is string => !!t)
      .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    return { fresh, done, next: { ...(since ? { since } : {}), recentIds } };
  }
  return {
    fresh,
    done,
    next: {
      ...(state.since ? { since: state.since } : {}),
      recentIds,
      pending: {
        pageToken: nextPageToken,
        ...(newestIso ? { newest: newestIso } : {}),
        fresh: Math.min(insertAt + freshIds.length, options.maxIds),
      },
    },
  };
}
