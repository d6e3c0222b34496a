import { useEffect, useState } from 'react';
import type { MentionView } from '@lp/domain';
import { useLive, useMentions } from '../live/live-data';
import { consoleApi } from './console-api';
import { isMentionId, lookupFailure } from './mention-link';

/** The mention a console link names, as far as it is known yet. */
export type LinkedMention =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'found'; mention: MentionView }
  | { state: 'missing' }
  | { state: 'failed'; message: string };

const NONE: LinkedMention = { state: 'none' };
const LOADING: LinkedMention = { state: 'loading' };
const MISSING: LinkedMention = { state: 'missing' };

/**
 * The mention `/console?mention=<id>` names, whatever its status. The live store answers first; a
 * mention it does not hold (answered, resolved, older than what was loaded) is fetched. The fetched
 * copy is not put in the store: the store's highest seq is where the first catch-up starts, and an
 * old mention there would skip the latest ones. It need not be: a mention.updated event inserts what
 * the store lacks, and the store's copy then wins, so the mention stays fresh outside the queue too.
 */
export function useLinkedMention(id: string | undefined): LinkedMention {
  const { session, mentions: store } = useLive();
  // Re-render as the store changes: the linked mention may arrive there, or change.
  useMentions();
  const [lookup, setLookup] = useState<{ id: string; result: LinkedMention }>();
  const known = id === undefined ? undefined : store.get(id);
  const wanted = id !== undefined && !known && isMentionId(id);

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void consoleApi.mention(session, id).then(
      (mention) => current && setLookup({ id, result: { state: 'found', mention } }),
      (error: unknown) => {
        if (!current) return;
        const failure = lookupFailure(error);
        setLookup({ id, result: failure.missing ? MISSING : { state: 'failed', message: failure.message } });
      },
    );
    return () => {
      current = false;
    };
  }, [wanted, id, session]);

  if (id === undefined) return NONE;
  if (known) return { state: 'found', mention: known };
  if (!isMentionId(id)) return MISSING;
  return lookup?.id === id ? lookup.result : LOADING;
}
