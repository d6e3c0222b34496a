import { useEffect, useMemo, useState } from 'react';
import type { SlaSummary } from '@lp/domain';
import type { Session } from '../auth/session';
import type { MentionStore } from '../live/mention-store';
import { slaBoardFromMentions, slaBoardFromSummary, type SlaBoard } from './data/sla-board';
import type { MentionSample } from './use-sampled-mentions';
import { fetchSlaSummary } from './wall-api';

/** Breaches happen as time passes, with no event: ask again this often regardless. */
const PERIODIC_MS = 30_000;
/** Mentions arriving or changing (mention.created, mention.updated) ask again, but not more often than this. */
const MIN_GAP_MS = 5_000;

interface Fetched {
  summary: SlaSummary;
  at: number;
}

/**
 * The SLA board: the server's summary (every open mention) when it answers, otherwise figures
 * from the mentions this screen holds. A failed refresh keeps the last summary.
 */
export function useSlaBoard(session: Session, store: MentionStore, sample: MentionSample): SlaBoard {
  const [fetched, setFetched] = useState<Fetched | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let inFlight = false;
    let last = 0;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      if (inFlight) return;
      inFlight = true;
      last = Date.now();
      try {
        const summary = await fetchSlaSummary(session, controller.signal);
        setFetched({ summary, at: Date.now() });
      } catch {
        // keep the last summary; the store's figures stand in until there is one
      } finally {
        inFlight = false;
      }
    };
    void load();
    const periodic = setInterval(() => void load(), PERIODIC_MS);
    const off = store.subscribe(() => {
      pending ??= setTimeout(
        () => {
          pending = undefined;
          void load();
        },
        Math.max(0, last + MIN_GAP_MS - Date.now()),
      );
    });
    return () => {
      controller.abort();
      clearInterval(periodic);
      if (pending) clearTimeout(pending);
      off();
    };
  }, [session, store]);
  // The sample's time moves every two seconds, so the oldest wait keeps counting between fetches.
  return useMemo(
    () =>
      fetched
        ? slaBoardFromSummary(fetched.summary, fetched.at, sample.at)
        : slaBoardFromMentions(sample.mentions, sample.at),
    [fetched, sample],
  );
}
