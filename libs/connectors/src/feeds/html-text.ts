import { decode } from 'html-entities';

const INVISIBLE_BLOCKS = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
/** A tag starts with a letter, `/`, `!` or `?`, so plain text such as "a < b" survives. */
const TAGS = /<\/?[A-Za-z!?][^>]*>/g;

/**
 * Turns feed HTML (Atom `type="html"`, RSS descriptions, Google Alerts `<b>` markup) into one line of plain text.
 * Tags are removed before entities are decoded, so an escaped `&lt;script&gt;` ends up as inert text, never as a tag.
 * Strict scope decodes only `&name;` with its semicolon, leaving "AT&T" or "Q&A" as written.
 */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  const withoutTags = html.replace(INVISIBLE_BLOCKS, ' ').replace(COMMENTS, ' ').replace(TAGS, ' ');
  return decode(withoutTags, { level: 'html5', scope: 'strict' }).replace(/\s+/g, ' ').trim();
}

/** Shortens to at most `max` characters on a word boundary where one is near, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
