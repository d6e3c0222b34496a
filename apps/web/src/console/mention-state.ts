import type { MentionStatus, MentionView } from '@lp/domain';
import { isOpen, waited } from './agent-queue';

/** Statuses the api refuses to claim (409 "set it back to new"): the work on them is done. */
const CLOSED_TEXT: Partial<Record<MentionStatus, string>> = {
  replied: 'Replied — reopen it to reply again.',
  resolved: 'Resolved — reopen it to reply.',
  ignored: 'Ignored — reopen it to reply.',
};

/** The composer for the holder, or in its place (`text`) why there is none. */
export type ComposerState = { kind: 'compose' } | { kind: 'locked'; text: string };

/**
 * Whether claiming (the button, `c`) makes sense: only a mention still waiting. The api refuses to
 * claim a closed one (409), so the console does not ask. Claiming one's own renews the lease.
 */
export function claimable(mention: MentionView): boolean {
  return isOpen(mention);
}

/** What the composer area offers for this mention and this user. */
export function composerState(mention: MentionView, userId: string): ComposerState {
  if (mention.platform === 'feed')
    return { kind: 'locked', text: 'Web pages found by feeds cannot be answered from here.' };
  const closed = CLOSED_TEXT[mention.status];
  if (closed) return { kind: 'locked', text: closed };
  if (mention.claim?.userId === userId) return { kind: 'compose' };
  return { kind: 'locked', text: 'Claim it (c) to reply.' };
}

/** The SLA fact in the detail: `breached` marks a missed deadline. */
export interface SlaLine {
  text: string;
  breached: boolean;
}

/** Local wall-clock time, as the agent reads it on the screen. */
const localTime = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The first-response line: when it was given once it was, "Closed" for one shut without a reply,
 * and the countdown only while the mention still waits. Null when there is nothing to say (rows
 * from before SLAs, still waiting).
 */
export function slaLine(mention: MentionView, now: number, time: (iso: string) => string = localTime): SlaLine | null {
  const breached = mention.sla?.breached ?? false;
  if (mention.firstResponseAt)
    return { text: `First response at ${time(mention.firstResponseAt)}${breached ? ' (late)' : ''}`, breached };
  // Replied always sets firstResponseAt; this is for an old row that somehow lacks it.
  if (mention.status === 'replied') return { text: 'Replied', breached: false };
  if (mention.status === 'resolved' || mention.status === 'ignored') return { text: 'Closed', breached: false };
  if (!mention.sla) return null;
  if (breached) return { text: 'First reply due: breached', breached: true };
  const dueAt = Date.parse(mention.sla.dueAt);
  // The breach sweep runs now and then: past the deadline reads "overdue" before it marks it.
  if (now >= dueAt) return { text: 'First reply overdue', breached: true };
  return { text: `First reply due in ${waited(new Date(now).toISOString(), dueAt)}`, breached: false };
}
