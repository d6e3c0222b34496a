import { makeSlug, markdownToPlain, solutionSlugIn, solutionUrl, SLUG_PATTERN } from './solution';
import { scoreSolution, shortAnswer, successRate } from './solution-ranking';
import { checkReplyText } from './reply-text';

describe('makeSlug', () => {
  it('makes lower-case ASCII words with a suffix, folding accents and bounding the length', () => {
    expect(makeSlug('Printer shows "Offline" after the 2.1 update!', 'ab12cd')).toBe(
      'printer-shows-offline-after-the-2-1-update-ab12cd',
    );
    expect(makeSlug('Café à la crème', 'x1')).toBe('cafe-a-la-creme-x1');
    expect(makeSlug('日本語', 'x1')).toBe('solution-x1');
    const long = makeSlug('word '.repeat(40), 'zz');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(SLUG_PATTERN);
  });

  it('finds our solution link inside a reply', () => {
    const url = solutionUrl('https://help.acme.test/', 'wifi-drops-a1');
    expect(url).toBe('https://help.acme.test/s/wifi-drops-a1');
    expect(solutionSlugIn(`Try this: ${url} thanks`, 'https://help.acme.test')).toBe('wifi-drops-a1');
    expect(solutionSlugIn('https://elsewhere.test/s/wifi-drops-a1', 'https://help.acme.test')).toBeNull();
  });

  it('reduces markdown to plain text', () => {
    expect(markdownToPlain('## Fix\n1. Open **Settings** and see [the guide](https://x.test)\n- `reset`')).toBe(
      'Fix Open Settings and see the guide reset',
    );
  });
});

describe('ranking helpers', () => {
  const base = {
    textRank: 0.3,
    problemSimilarity: 0.4,
    fixSimilarity: 0.1,
    sameTopic: false,
    sameProduct: false,
    workedCount: 0,
    failedCount: 0,
  };

  it('ranks text evidence first, then topic and product, then the track record', () => {
    const plain = scoreSolution(base).score;
    expect(scoreSolution({ ...base, sameTopic: true }).score).toBeGreaterThan(plain);
    expect(scoreSolution({ ...base, sameTopic: true, sameProduct: true }).score).toBeGreaterThan(
      scoreSolution({ ...base, sameTopic: true }).score,
    );
    expect(scoreSolution({ ...base, workedCount: 5 }).score).toBeGreaterThan(plain);
    expect(scoreSolution({ ...base, failedCount: 5 }).score).toBeLessThan(plain);
    // Popularity never rescues a solution with no textual match.
    expect(scoreSolution({ ...base, textRank: 0, problemSimilarity: 0, fixSimilarity: 0, workedCount: 99 }).score).toBe(
      0,
    );
    expect(scoreSolution({ ...base, sameProduct: true }).reasons).toContain('same product');
  });

  it('smooths the success rate', () => {
    expect(successRate(0, 0)).toBe(0.5);
    expect(successRate(1, 0)).toBeCloseTo(2 / 3);
    expect(successRate(0, 3)).toBeCloseTo(0.2);
  });

  it('fits the short answer within the platform limit, keeping the link whole', () => {
    const url = 'https://help.acme.test/s/printer-offline-ab12cd';
    const fixPlain = 'Open the app, go to Settings, then Devices, and choose Reconnect. '.repeat(10);
    const x = shortAnswer('x', { title: 'Printer offline after update', fixPlain, url });
    expect(checkReplyText('x', x).valid).toBe(true);
    expect(x.endsWith(url)).toBe(true);
    expect(x).toMatch(/^Printer offline after update: Open the app/);
    const fb = shortAnswer('facebook', { title: 'T', fixPlain: 'short fix.', url });
    expect(fb).toBe(`T: short fix. More: ${url}`);
  });
});
