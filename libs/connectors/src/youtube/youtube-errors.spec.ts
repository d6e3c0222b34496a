import {
  ConnectorAuthError,
  ConnectorError,
  ConnectorPayloadError,
  RateLimitedError,
} from '../shared/connector-errors';
import { isInvalidPageToken, redact, toConnectorError } from './youtube-errors';

const KEY = 'AIzaSyUNIT-secret';
const TOKEN = 'ya29.UNIT-secret';
const ctx = { operation: 'commentThreads.list', secrets: [KEY, TOKEN], now: new Date('2025-07-15T18:00:00Z') };

/** The shape gaxios gives a failed call: the URL (with `key=`) in the message and config, the body in response.data. */
function gaxiosError(
  status: number,
  reason: string | null,
  message = `GET https://x/youtube/v3/commentThreads?key=${KEY} failed`,
) {
  const error = new Error(message) as Error & Record<string, unknown>;
  error.status = status;
  error.config = { url: `https://youtube.googleapis.com/youtube/v3/commentThreads?key=${KEY}` };
  error.response = {
    status,
    headers: new Headers(status === 429 ? { 'retry-after': '30' } : {}),
    data: reason
      ? { error: { code: status, message: `Failed: ${reason} for ${TOKEN}`, errors: [{ reason }] } }
      : 'not json',
  };
  return error;
}

describe('toConnectorError', () => {
  it.each([
    [403, 'quotaExceeded', RateLimitedError, '2025-07-16T07:00:00.000Z'],
    [403, 'rateLimitExceeded', RateLimitedError, '2025-07-15T18:01:00.000Z'],
    [429, null, RateLimitedError, '2025-07-15T18:00:30.000Z'],
  ] as const)('HTTP %s %s is a RateLimitedError until %s', (status, reason, type, resumeAt) => {
    const error = toConnectorError(gaxiosError(status, reason), ctx);
    expect(error).toBeInstanceOf(type);
    expect((error as RateLimitedError).resumeAt.toISOString()).toBe(resumeAt);
  });

  it.each([
    [401, 'authError'],
    [403, 'forbidden'],
    [400, 'keyInvalid'],
  ])('HTTP %s %s is a ConnectorAuthError', (status, reason) => {
    expect(toConnectorError(gaxiosError(status, reason), ctx)).toBeInstanceOf(ConnectorAuthError);
  });

  it('retries 5xx and no-response failures, not other 4xx', () => {
    expect(toConnectorError(gaxiosError(503, 'backendError'), ctx).retryable).toBe(true);
    expect(toConnectorError(new TypeError('fetch failed'), ctx).retryable).toBe(true);
    const bad = toConnectorError(gaxiosError(400, 'invalidParameter'), ctx);
    expect(bad.retryable).toBe(false);
    expect(bad.constructor).toBe(ConnectorError);
  });

  it('treats a JSON syntax error as a payload error', () => {
    expect(toConnectorError(new SyntaxError('Unexpected end of JSON input'), ctx)).toBeInstanceOf(
      ConnectorPayloadError,
    );
  });

  it('never carries the API key or the token', () => {
    for (const error of [gaxiosError(500, 'backendError'), gaxiosError(502, null), gaxiosError(401, 'authError')]) {
      const message = toConnectorError(error, ctx).message;
      expect(message).not.toContain(KEY);
      expect(message).not.toContain(TOKEN);
    }
    expect(toConnectorError(gaxiosError(502, null), ctx).message).toContain('key=[redacted]');
  });

  it('recognises invalidPageToken', () => {
    expect(isInvalidPageToken(gaxiosError(400, 'invalidPageToken'))).toBe(true);
    expect(isInvalidPageToken(gaxiosError(400, 'invalidParameter'))).toBe(false);
  });
});

describe('redact', () => {
  it('removes key= and access_token= query values, bearer tokens and known secrets', () => {
    expect(redact('GET /v3/search?q=acme&key=abc123&x=1', [])).toBe('GET /v3/search?q=acme&key=[redacted]&x=1');
    expect(redact('?access_token=zzz', [])).toBe('?access_token=[redacted]');
    expect(redact('Authorization: Bearer ya29.abc', [])).toBe('Authorization: Bearer [redacted]');
    expect(redact(`echo ${KEY} twice ${KEY}`, [KEY])).toBe('echo [redacted] twice [redacted]');
  });
});
