import { startTransition, useEffect, useState } from 'react';
import type { MentionView } from '@lp/domain';
import type { MentionStore } from '../live/mention-store';

/** The store's list as it was at `at` (ms since the epoch): figures computed from it use `at` as "now". */
export interface MentionSample {
  mentions: readonly MentionView[];
  at: number;
}

/**
 * The store's list, taken at most once every `everyMs`. At 1,000 mentions a second the store
 * changes every frame; nobody reads a wall that fast, and a pass over 100,000 mentions then runs
 * every few seconds instead of sixty times a second.
 *
 * - A change after a quiet spell (or the first load) is taken at once; later ones wait their turn.
 * - `periodic` also takes one every `everyMs` on a quiet store, so time windows ("last 15 minutes")
 *   slide when nothing arrives.
 *
 * Samples render as transitions: React may then yield between panels, so several passes over the
 * store do not add up to one long task.
 */
export function useSampledMentions(
  store: MentionStore,
  everyMs: number,
  mode: 'on-change' | 'periodic',
): MentionSample {
  const [sample, setSample] = useState<MentionSample>(() => ({ mentions: store.snapshot(), at: Date.now() }));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An empty sample does not count: the first mentions (the initial load) show without waiting.
    let last = 0;
    const take = () => {
      timer = undefined;
      const now = Date.now();
      const mentions = store.snapshot();
      if (mentions.length > 0) last = now;
      startTransition(() => setSample({ mentions, at: now }));
    };
    take(); // the store may have moved between the first render and this effect
    const off = store.subscribe(() => {
      timer ??= setTimeout(take, Math.max(0, last + everyMs - Date.now()));
    });
    const idle =
      mode === 'periodic' ? setInterval(() => Date.now() - last >= everyMs && !timer && take(), everyMs) : undefined;
    return () => {
      off();
      if (timer) clearTimeout(timer);
      if (idle) clearInterval(idle);
    };
  }, [store, everyMs, mode]);
  return sample;
}
