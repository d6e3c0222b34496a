import { ApiError } from './console-api';
import { isMentionId, linkedMentionId, lookupFailure, withMention } from './mention-link';

describe('isMentionId', () => {
  it('takes UUIDs in either case', () => {
    expect(isMentionId('3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBe(true);
    expect(isMentionId('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe(true);
  });

  it('refuses anything else, dot segments included', () => {
    for (const value of ['', '.', '..', 'not-an-id', '3f2504e0-4f89-41d3-9a0c-0305e82c330', '../replies'])
      expect(isMentionId(value)).toBe(false);
    expect(isMentionId(' 3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBe(false);
  });
});

describe('linkedMentionId', () => {
  it('reads the mention parameter, an empty one naming none', () => {
    expect(linkedMentionId('?mention=abc&view=compact')).toBe('abc');
    expect(linkedMentionId('?mention=')).toBeUndefined();
    expect(linkedMentionId('')).toBeUndefined();
  });
});

describe('withMention', () => {
  it('sets the mention and keeps the path, the other parameters and the hash', () => {
    expect(withMention('http://lp.test/console?mention=a&view=compact#notes', 'b')).toBe(
      '/console?mention=b&view=compact#notes',
    );
    expect(withMention('http://lp.test/console', 'b')).toBe('/console?mention=b');
  });
});

describe('lookupFailure', () => {
  it('calls an unknown or refused id missing', () => {
    expect(lookupFailure(new ApiError(404, 'mention x not found'))).toEqual({ missing: true });
    expect(lookupFailure(new ApiError(400, 'Validation failed (uuid is expected)'))).toEqual({ missing: true });
  });

  it('keeps the message of any other failure', () => {
    expect(lookupFailure(new ApiError(500, 'Internal server error'))).toEqual({
      missing: false,
      message: 'Internal server error',
    });
    expect(lookupFailure(new TypeError('Failed to fetch'))).toEqual({ missing: false, message: 'Failed to fetch' });
  });
});
