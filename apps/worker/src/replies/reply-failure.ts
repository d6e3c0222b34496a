import { ConnectorError, RateLimitedError } from '@lp/connectors';

/** What to do with a reply whose send attempt threw. */
export type ReplyFailure =
  /** The platform asked us to wait; nothing was posted. */
  | { kind: 'wait'; until: Date; reason: string }
  /** The platform refused it (or we could not even ask): nothing was posted; a person decides. */
  | { kind: 'refused'; reason: string }
  /** It may or may not have been posted (timeout, dropped connection, server error): a person checks first. */
  | { kind: 'unknown'; reason: string };

/**
 * Sorts a failed post. Only answers that prove nothing was posted are retried by themselves; any
 * doubt stops the reply for a person, because a public reply posted twice cannot be taken back.
 */
export function classifyReplyFailure(error: unknown): ReplyFailure {
  if (error instanceof RateLimitedError) return { kind: 'wait', until: error.resumeAt, reason: error.message };
  if (error instanceof ConnectorError && !error.retryable) return { kind: 'refused', reason: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', reason: `the platform may or may not have posted it (${reason})` };
}
