import { MAX_READ_CHARS, MAX_WINDOWS, textWindows, WINDOW_CHARS } from './text-windows';

const slices = (text: string) => textWindows(text).map((w) => text.slice(w.start, w.end));

describe('textWindows', () => {
  it('keeps a tweet-sized text whole', () => {
    expect(textWindows('the app crashed again.')).toEqual([{ start: 0, end: 22 }]);
    expect(textWindows('')).toEqual([{ start: 0, end: 0 }]);
  });

  it('packs whole sentences into windows of at most WINDOW_CHARS', () => {
    const sentence = 'The new firmware rolled out to every region this morning without trouble. ';
    const text = sentence.repeat(12);
    const parts = slices(text);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(WINDOW_CHARS);
      expect(part.endsWith('trouble.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(text.trim());
  });

  it('cuts a sentence longer than a window at a space, and a run without spaces where it must', () => {
    const words = slices('word '.repeat(200));
    for (const part of words) expect(part.startsWith('word') && part.endsWith('word')).toBe(true);
    const run = textWindows('x'.repeat(1_000));
    expect(run.map((w) => w.end - w.start)).toEqual([280, 280, 280, 160]);
  });

  it('breaks at line ends', () => {
    const text = `${'a short line about the weather today\n'.repeat(10)}`;
    for (const part of slices(text)) expect(part.includes('\n')).toBe(true);
    expect(slices(text).every((p) => p.length <= WINDOW_CHARS)).toBe(true);
  });

  it('reads at most MAX_WINDOWS windows, the same for a post and its head', () => {
    const text = 'Nothing happened here today. '.repeat(5_000);
    expect(textWindows(text)).toHaveLength(MAX_WINDOWS);
    expect(textWindows(text)).toEqual(textWindows(text.slice(0, MAX_READ_CHARS)));
  });
});
