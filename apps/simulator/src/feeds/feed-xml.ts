import type { FeedEntry } from './feed-store';

const BRAND = /(@?acme\w*|#acme)/gi;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function headline(text: string): string {
  const words = text.split(' ');
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}` : text;
}

/** The article a generated entry stands for; the path carries a percent-encoded apostrophe, as real slugs do. */
export function articleUrl(entry: FeedEntry): string {
  return `https://news${entry.seq % 3}.example.com/${entry.publishedAt.getUTCFullYear()}/acme%E2%80%99s-${entry.slug}-${entry.seq}`;
}

/** The click-tracking redirect Google wraps around every article link (docs/platform-apis.md §4.1). */
export function googleRedirect(entry: FeedEntry): string {
  return `https://www.google.com/url?rct=j&sa=t&url=${articleUrl(entry)}&ct=ga&cd=CAIyGjQ${entry.id.slice(0, 6)}&usg=AOvVaw${entry.id.slice(-8)}`;
}

export interface RenderOptions {
  /** The `missing-fields` fault: entries without id or link, as a broken upstream might serve. */
  dropFields?: boolean;
}

/**
 * A Google Alerts feed as captured in 2021: Atom with `type="html"` text escaped twice (`&lt;b&gt;` around the
 * matched words, `&amp;nbsp;`), redirect links, an empty author, newest first.
 */
export function renderGoogleAlerts(alertId: string, entries: FeedEntry[], options: RenderOptions = {}): string {
  const userId = '06807031914929345698';
  const updated = (entries[0]?.publishedAt ?? new Date(0)).toISOString();
  const body = entries
    .map((entry) => {
      const titleHtml = headline(entry.text).replace(BRAND, '<b>$1</b>');
      const contentHtml = `${entry.text.replace(BRAND, '<b>$1</b>')}&nbsp;...`;
      return [
        '  <entry>',
        options.dropFields ? '' : `    <id>tag:google.com,2013:googlealerts/feed:${entry.id}</id>`,
        `    <title type="html">${escapeXml(titleHtml)}</title>`,
        options.dropFields ? '' : `    <link href="${escapeXml(googleRedirect(entry))}"></link>`,
        `    <published>${entry.publishedAt.toISOString()}</published>`,
        `    <updated>${entry.publishedAt.toISOString()}</updated>`,
        `    <content type="html">${escapeXml(contentHtml)}</content>`,
        '    <author><name></name></author>',
        '  </entry>',
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
  <id>tag:google.com,2005:reader/user/${userId}/state/com.google/alerts/${escapeXml(alertId)}</id>
  <title>Google Alert - acme</title>
  <link href="https://www.google.com/alerts/feeds/${userId}/${escapeXml(alertId)}" rel="self"></link>
  <updated>${updated}</updated>
${body}
</feed>
`;
}

/**
 * An RSS 2.0 forum feed with the habits of real ones: relative links, every third item without a guid, HTML in
 * the description, and non-ASCII text (« Café ») so a wrong charset shows.
 */
export function renderRss(name: string, entries: FeedEntry[], encoding: string, options: RenderOptions = {}): string {
  const items = entries
    .map((entry) => {
      const description = `<p>${escapeXml(entry.text)}</p><p>« Café forum »</p>`;
      const guid =
        entry.seq % 3 === 0 || options.dropFields
          ? ''
          : `      <guid isPermaLink="false">forum-${escapeXml(name)}-${entry.seq}</guid>`;
      return [
        '    <item>',
        `      <title>${escapeXml(headline(entry.text))}</title>`,
        options.dropFields ? '' : `      <link>/forum/${encodeURIComponent(name)}/posts/${entry.seq}</link>`,
        guid,
        `      <author>${escapeXml(`${entry.slug}@forum.example (${entry.slug})`)}</author>`,
        `      <pubDate>${entry.publishedAt.toUTCString()}</pubDate>`,
        `      <description>${escapeXml(description)}</description>`,
        '    </item>',
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n');
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0">
  <channel>
    <title>Acme Café forum · ${escapeXml(name)}</title>
    <link>/forum/${encodeURIComponent(name)}</link>
    <description>Customer forum posts</description>
${items}
  </channel>
</rss>
`;
}
