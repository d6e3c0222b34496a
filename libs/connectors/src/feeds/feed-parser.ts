import { Readable } from 'node:stream';
import FeedParser from 'feedparser';
import { ConnectorPayloadError } from '../shared/connector-errors';
import { isGoogleAlertsFeed, unwrapGoogleRedirect } from './google-alerts';
import { htmlToText } from './html-text';

export interface ParsedFeedItem {
  /** The item's own guid / id / rdf:about, or null when it has none (feedparser's link fallback is not a guid). */
  guid: string | null;
  /** Plain text: tags stripped, entities decoded. */
  title: string;
  /** Plain text of the summary or content. */
  snippet: string;
  /** Absolute article URL: relative links resolved, Google redirects unwrapped. */
  link: string | null;
  author: string | null;
  publishedAt: Date | null;
}

export interface ParsedFeed {
  type: 'atom' | 'rss' | 'rdf';
  title: string;
  link: string | null;
  isGoogleAlerts: boolean;
  items: ParsedFeedItem[];
}

type RawNode = { '#'?: unknown; '@'?: Record<string, unknown> } | undefined;

/**
 * Parses a decoded feed with feedparser. It runs sax in non-strict mode (real feeds are rarely well-formed) and
 * never expands DTD or external entities, so billion-laughs and XXE documents stay inert. `feedUrl` is the base
 * for relative links when the feed has no xml:base.
 */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  const parser = new FeedParser({ feedurl: feedUrl, addmeta: false });
  const items: FeedParser.Item[] = [];
  try {
    Readable.from([xml]).pipe(parser);
    for await (const item of parser) items.push(item);
  } catch (error) {
    throw translateParseError(error);
  }
  const meta = parser.meta;
  const type = meta['#type'];
  // feedparser only reports "Not a feed" at the end; an empty document can also end without a type.
  if (type !== 'atom' && type !== 'rss' && type !== 'rdf') throw notAFeed();
  const feedId = text(meta['atom:id'] as RawNode);
  const isGoogleAlerts = isGoogleAlertsFeed(feedId, meta.xmlurl ?? meta.link);
  return {
    type,
    title: htmlToText(meta.title),
    link: meta.link || null,
    isGoogleAlerts,
    items: items.map(toItem),
  };
}

function toItem(item: FeedParser.Item): ParsedFeedItem {
  const link = item.link || item.origlink || null;
  const pubdate = item.pubdate ?? item.date;
  return {
    guid: ownGuid(item),
    title: htmlToText(item.title),
    snippet: htmlToText(item.summary || item.description),
    link: link ? unwrapGoogleRedirect(link) : null,
    author: htmlToText(item.author) || null,
    publishedAt: pubdate && !Number.isNaN(pubdate.getTime()) ? pubdate : null,
  };
}

/** feedparser copies the link into `guid` when an item has none; the namespaced raw nodes tell the two apart. */
function ownGuid(item: FeedParser.Item): string | null {
  const raw = item as unknown as Record<string, RawNode | RawNode[]>;
  const candidates = [raw['rss:guid'], raw['atom:id'], raw['guid'], raw['id']];
  for (const candidate of candidates) {
    const value = text(Array.isArray(candidate) ? candidate[0] : candidate);
    if (value) return value;
  }
  const about = (raw['rdf:@'] as Record<string, unknown> | undefined)?.about;
  return typeof about === 'string' && about.trim() ? about.trim() : null;
}

function text(node: RawNode): string | null {
  const value = node?.['#'];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function notAFeed(): ConnectorPayloadError {
  return new ConnectorPayloadError('not an RSS, Atom or RDF feed');
}

function translateParseError(error: unknown): ConnectorPayloadError {
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'Not a feed') return notAFeed();
  return new ConnectorPayloadError(`feed could not be parsed: ${message.split('\n')[0]}`);
}
