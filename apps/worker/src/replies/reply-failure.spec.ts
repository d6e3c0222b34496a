import { ConnectorAuthError, ConnectorError, RateLimitedError } from '@lp/connectors';
import { classifyReplyFailure } from './reply-failure';

describe('classifyReplyFailure', () => {
  it('waits out a rate limit: nothing was posted', () => {
    const until = new Date('2026-12-01T12:00:00Z');
    expect(classifyReplyFailure(new RateLimitedError('X rate limit reached', until))).toEqual({
      kind: 'wait',
      until,
      reason: 'X rate limit reached',
    });
  });

  it('treats a refusal as final and certain', () => {
    expect(classifyReplyFailure(new ConnectorAuthError('X refused the reply (HTTP 403)'))).toEqual({
      kind: 'refused',
      reason: 'X refused the reply (HTTP 403)',
    });
    expect(classifyReplyFailure(new ConnectorError('not summoned', false)).kind).toBe('refused');
  });

  it('stops for a person whenever the post may have gone through', () => {
    expect(classifyReplyFailure(new ConnectorError('X reply failed with HTTP 503', true))).toEqual({
      kind: 'unknown',
      reason: 'the platform may or may not have posted it (X reply failed with HTTP 503)',
    });
    expect(classifyReplyFailure(new Error('socket hang up')).kind).toBe('unknown');
    expect(classifyReplyFailure('weird').kind).toBe('unknown');
  });
});
