import { ConnectorAuthError, ConnectorError, RateLimitedError } from '../shared/connector-errors';
import type { GraphErrorBody } from './facebook.schema';
import { throttleResumeAt, type GraphUsage } from './facebook-usage';

/** A Graph error the poller need not special-case, kept with its code so callers can (e.g. 100 on a deleted post). */
export class GraphApiError extends ConnectorError {
  constructor(
    message: string,
    retryable: boolean,
    readonly code: number,
    readonly subcode: number | undefined,
  ) {
    super(message, retryable);
  }
}

/**
 * Throttling: 4 (app), 17 (user), 32 (Page, user token), 613 (custom), 80001 (Page, Page token).
 * The other 8000x codes are the BUC limits of other products; a Page token should not see them,
 * but if it does they mean the same thing.
 */
const THROTTLE_CODES = new Set([4, 17, 32, 613, 80000, 80001, 80002, 80004, 80006]);
const TRANSIENT_CODES = new Set([1, 2]);
/** Graph's "object does not exist / unsupported get request": the post or comment is gone. */
export const GRAPH_NOT_FOUND_CODE = 100;

const TOKEN_SUBCODE_REASONS: Record<number, string> = {
  458: 'the app is not installed on the Page',
  459: 'the user is checkpointed',
  460: 'the password changed',
  463: 'the token expired',
  464: 'the user is unconfirmed',
  467: 'the token is invalid',
};

type GraphErrorPayload = GraphErrorBody['error'];

/**
 * Classifies by `error.code`, never by HTTP status: Meta sends throttling as 400, 403 or even 200.
 * Messages are Graph's own (safe: they never echo the token) prefixed with the code.
 */
export function classifyGraphError(error: GraphErrorPayload, usage: GraphUsage, now: Date): ConnectorError {
  const detail = `(#${error.code}${error.error_subcode ? `/${error.error_subcode}` : ''}) ${error.message}`.trim();
  if (THROTTLE_CODES.has(error.code)) {
    const resumeAt = throttleResumeAt(usage, now);
    return new RateLimitedError(
      `Facebook rate limit reached ${detail}; resuming at ${resumeAt.toISOString()}`,
      resumeAt,
    );
  }
  if (error.code === 190 || error.code === 102) {
    const reason = error.error_subcode ? TOKEN_SUBCODE_REASONS[error.error_subcode] : undefined;
    return new ConnectorAuthError(`Page access token expired or invalid${reason ? ` (${reason})` : ''}: ${detail}`);
  }
  // Missing permissions (10, 200-299) need a human to grant them, exactly like a dead token.
  if (error.code === 10 || (error.code >= 200 && error.code <= 299)) {
    return new ConnectorAuthError(`The Page access token lacks a permission: ${detail}`);
  }
  const retryable = TRANSIENT_CODES.has(error.code) || error.is_transient === true;
  return new GraphApiError(`Facebook Graph error ${detail}`, retryable, error.code, error.error_subcode);
}
