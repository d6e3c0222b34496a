import { fixtureMention } from './mention-fixture';
import { shownAuthor, shownClaim, shownText } from './privacy';

describe('privacy on the wall', () => {
  const m = fixtureMention({
    id: 'a',
    postedAt: '2026-01-01T00:00:00.000Z',
    claim: { userId: 'u', name: 'Agent Kim', expiresAt: '2026-01-01T00:05:00.000Z' },
  });

  it('shows names and handles on a team screen', () => {
    expect(shownAuthor(m, false)).toEqual({ name: 'Sam Doe', handle: 'sam' });
    expect(shownClaim(m, false)).toBe('claimed by Agent Kim');
  });

  it('says "a customer" and hides handles and staff names on a screen visitors can see', () => {
    expect(shownAuthor(m, true)).toEqual({ name: 'a customer', handle: null });
    expect(shownClaim(m, true)).toBe('claimed');
    expect(shownClaim({ claim: null }, true)).toBeNull();
  });

  it('masks @handles and e-mail addresses in the text on a screen visitors can see', () => {
    const mention = { text: '@AcmeSupport my router died, mail me at dana.k+acme@example.com or ping @dana_k' };
    expect(shownText(mention, true)).toBe('@… my router died, mail me at [email] or ping @…');
    expect(shownText(mention, false)).toBe(mention.text);
  });
});
