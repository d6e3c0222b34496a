/**
 * Google Alerts wraps every article link in a click-tracking redirect:
 * `https://www.google.com/url?rct=j&sa=t&url=https://news.example.com/story&ct=ga&…` (docs/platform-apis.md §4.1).
 */
const REDIRECT_HOST = /^(www\.)?google\.[a-z.]+$/i;

export function isGoogleRedirect(link: string): boolean {
  try {
    const url = new URL(link);
    return REDIRECT_HOST.test(url.hostname) && url.pathname === '/url';
  } catch {
    return false;
  }
}

/**
 * The article URL inside a Google redirect, or the link unchanged when it is not one. The raw `url=` value is kept
 * as Google wrote it: URLSearchParams would decode `%26` into `&` and change the article's own query string.
 * Only a wholly encoded value (`https%3A%2F%2F…`) is decoded, once.
 */
export function unwrapGoogleRedirect(link: string): string {
  if (!isGoogleRedirect(link)) return link;
  const query = link.slice(link.indexOf('?') + 1).split('#')[0] ?? '';
  const pairs = query.split('&');
  // `url=` in Alerts links, `q=` in older redirect links.
  const raw = (pairs.find((pair) => pair.startsWith('url=')) ?? pairs.find((pair) => pair.startsWith('q=')))?.replace(
    /^(url|q)=/,
    '',
  );
  if (!raw) return link;
  let candidate = raw;
  if (/^https?%3A/i.test(raw)) {
    try {
      candidate = decodeURIComponent(raw);
    } catch {
      return link;
    }
  }
  return /^https?:\/\/[^/?#\s]+/i.test(candidate) && URL.canParse(candidate) ? candidate : link;
}

/** Google Alerts feed ids look like `tag:google.com,2005:reader/user/…/state/com.google/alerts/…`. */
export function isGoogleAlertsFeed(feedId: string | null | undefined, feedLink: string | null | undefined): boolean {
  return (
    /^tag:google\.com,\d{4}:reader\/user\/.+\/alerts\//.test(feedId ?? '') ||
    /^https:\/\/www\.google\.com\/alerts\/feeds\//.test(feedLink ?? '')
  );
}
