/**
 * Long posts (blog items, Facebook posts, YouTube comments) are read as tweet-sized windows, each
 * scored by the model and then combined, so a post is scored as the post it is whatever its length:
 * the model was trained on tweets, and one vector for 3,000 characters piles up evidence that
 * twenty separate sentences would not.
 */
export const WINDOW_CHARS = 280;
/** Windows read per post: bounds the time a post costs. */
export const MAX_WINDOWS = 16;
/** The most of a post the model reads: its head, 16 × 280 characters. */
export const MAX_READ_CHARS = WINDOW_CHARS * MAX_WINDOWS;

export interface TextWindow {
  start: number;
  end: number;
}

const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002;
const isBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number) => c <= 32 || c === 0xa0;

/**
 * Splits `text` into windows of at most `maxChars`: sentences (ending in . ! ? … or a line break)
 * are packed together while they fit; a longer sentence is cut at its last space before the limit.
 * A text that fits is one window. Only the first maxChars × maxWindows characters are read, so a
 * post and its head of that length give the same windows.
 */
export function textWindows(text: string, maxChars = WINDOW_CHARS, maxWindows = MAX_WINDOWS): TextWindow[] {
  if (text.length <= maxChars) return [{ start: 0, end: text.length }];
  const length = Math.min(text.length, maxChars * maxWindows);
  const windows: TextWindow[] = [];
  let start = skipBlanks(text, 0);
  while (start < length && windows.length < maxWindows) {
    const limit = Math.min(length, start + maxChars);
    if (limit === length) {
      let end = limit;
      while (end > start && (isBlank(text.charCodeAt(end - 1)) || isBreak(text.charCodeAt(end - 1)))) end--;
      if (end > start) windows.push({ start, end });
      break;
    }
    // The last sentence end (or line break) inside the limit, else the last blank, else a hard cut.
    let cut = -1;
    let blank = -1;
    for (let i = limit - 1; i > start; i--) {
      const c = text.charCodeAt(i);
      if (isBreak(c) || (isSentenceEnd(c) && isBlank(text.charCodeAt(i + 1)))) {
        cut = i + 1;
        break;
      }
      if (blank < 0 && isBlank(c)) blank = i;
    }
    const end = cut > start ? cut : blank > start ? blank : limit;
    if (hasContent(text, start, end)) windows.push({ start, end });
    start = skipBlanks(text, end);
  }
  return windows.length > 0 ? windows : [{ start: 0, end: Math.min(text.length, maxChars) }];
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (isBlank(text.charCodeAt(i)) || isBreak(text.charCodeAt(i)))) i++;
  return i;
}

function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlank(text.charCodeAt(i)) && !isBreak(text.charCodeAt(i))) return true;
  return false;
}
