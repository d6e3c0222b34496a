import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ConnectorPayloadError } from '../shared/connector-errors';
import { decodeFeedBytes } from './charset';
import { parseFeed, type ParsedFeed } from './feed-parser';
import { feedItemKey } from './feed-mention.mapper';

const SHARED_FEEDS = path.resolve(__dirname, '../../../../../shared/data/feeds');

/** How these files reach the connector: bytes, maybe gzipped, decoded by charset.ts. */
function load(name: string, feedUrl = `http://feeds.example.test/${name}`): Promise<ParsedFeed> {
  let bytes = readFileSync(path.join(SHARED_FEEDS, name));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  return parseFeed(decodeFeedBytes(bytes, null), feedUrl);
}

export const GOOGLE_ALERTS_SAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
  <id>tag:google.com,2005:reader/user/06807031914929345698/state/com.google/alerts/1425425325</id>
  <title>Google Alert - acme widgets</title>
  <link href="https://www.google.com/alerts/feeds/06807031914929345698/1425425325" rel="self"></link>
  <updated>2024-05-01T10:00:00Z</updated>
  <entry>
    <id>tag:google.com,2013:googlealerts/feed:12501224780620368192</id>
    <title type="html">Why &lt;b&gt;Acme Widgets&lt;/b&gt; matter &amp;amp; sell</title>
    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://news.example.com/story%3Fid%3D7%26src%3Drss&amp;ct=ga&amp;cd=CAIyGjQ&amp;usg=AOvVaw0"></link>
    <published>2024-05-01T09:00:00Z</published>
    <updated>2024-05-01T09:00:00Z</updated>
    <content type="html">The &lt;b&gt;Acme Widgets&lt;/b&gt; launch&amp;nbsp;went &amp;quot;fine&amp;quot; ...</content>
    <author><name></name></author>
  </entry>
</feed>`;

describe('parseFeed', () => {
  it('turns a Google Alerts entry into plain text and the real article link', async () => {
    const feed = await parseFeed(GOOGLE_ALERTS_SAMPLE, 'https://www.google.com/alerts/feeds/1/2');
    expect(feed.type).toBe('atom');
    expect(feed.isGoogleAlerts).toBe(true);
    expect(feed.items).toEqual([
      {
        guid: 'tag:google.com,2013:googlealerts/feed:12501224780620368192',
        title: 'Why Acme Widgets matter & sell',
        snippet: 'The Acme Widgets launch went "fine" ...',
        link: 'https://news.example.com/story%3Fid%3D7%26src%3Drss',
        author: null,
        publishedAt: new Date('2024-05-01T09:00:00Z'),
      },
    ]);
  });

  it('accepts an Atom feed with no entries (a new alert)', async () => {
    const feed = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Google Alert - new</title></feed>',
      'https://x.test/',
    );
    expect(feed.items).toEqual([]);
  });

  it('does not expand internal DTD entities (billion laughs)', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>Laugh &lol3;</title><guid>lol</guid><description>&lol3;</description></item>
</channel></rss>`;
    const feed = await parseFeed(xml, 'https://x.test/');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.title).toBe('Laugh &lol3;');
    expect(feed.items[0]?.snippet).not.toContain('lollol');
  });

  it('does not resolve external entities (XXE)', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><title>Leak &xxe;</title><guid>xxe</guid><description>&xxe;</description></item>
</channel></rss>`;
    const feed = await parseFeed(xml, 'https://x.test/');
    const text = JSON.stringify(feed);
    expect(text).not.toContain('root:');
    expect(text).not.toContain('/bin/');
    expect(feed.items[0]?.title).toBe('Leak &xxe;');
  });

  it('rejects an empty document', async () => {
    await expect(parseFeed('', 'https://x.test/')).rejects.toThrow(
      new ConnectorPayloadError('not an RSS, Atom or RDF feed'),
    );
  });

  it('reads RDF / RSS 1.0 with its rdf:about as the key', async () => {
    const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://blog.example/"><title>Blog</title><link>https://blog.example/</link></channel>
  <item rdf:about="https://blog.example/p/1"><title>First</title><link>https://blog.example/p/1</link><dc:date>2024-01-02T03:04:05Z</dc:date></item>
</rdf:RDF>`;
    const feed = await parseFeed(xml, 'https://blog.example/rss');
    expect(feed.type).toBe('rdf');
    expect(feed.items[0]).toMatchObject({
      guid: 'https://blog.example/p/1',
      title: 'First',
      publishedAt: new Date('2024-01-02T03:04:05Z'),
    });
  });
});

if (existsSync(SHARED_FEEDS)) {
  describe('real-world feeds (../shared/data/feeds)', () => {
    const files = readdirSync(SHARED_FEEDS).filter((f) => /\.(xml|atom|html)$/.test(f));

    it('has the corpus files', () => {
      expect(files.length).toBeGreaterThanOrEqual(28);
    });

    it.each(files.filter((f) => f !== 'notafeed.html'))('parses %s without a crash', async (name) => {
      const feed = await load(name);
      expect(['atom', 'rss', 'rdf']).toContain(feed.type);
      for (const item of feed.items) {
        expect(typeof item.title).toBe('string');
        expect(item.title).not.toMatch(/<\/?[a-z][^>]*>/i);
        if (item.link) expect(() => new URL(item.link as string)).not.toThrow();
      }
    });

    it('rejects notafeed.html with a clear error', async () => {
      await expect(load('notafeed.html')).rejects.toThrow(new ConnectorPayloadError('not an RSS, Atom or RDF feed'));
    });

    it('decodes iconv.xml (windows-1251 declared in the prolog)', async () => {
      const feed = await load('iconv.xml');
      expect(feed.title).toBe('Новости Оренбурга и области / Раздел Новости');
      expect(feed.items[0]?.title).toBe('В Бузулуке главные стройплощадки – детсад и Ледовый дворец');
    });

    it('decodes the gzipped compressed.xml and invalid-characters-gzipped.xml', async () => {
      expect((await load('compressed.xml')).items[0]?.title).toBe(
        'В Бузулуке главные стройплощадки – детсад и Ледовый дворец',
      );
      const nshipster = await load('invalid-characters-gzipped.xml');
      expect(nshipster.title).toBe('NSHipster');
      expect(nshipster.items.map((i) => i.title)).toContain('NSOperation');
    });

    it('resolves relative item links against the feed URL', async () => {
      const feed = await load('rss-with-relative-urls.xml', 'http://www.arcgames.com');
      expect(feed.items.map((i) => i.link)).toEqual([
        'http://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21',
        'http://www.arcgames.com/en/games/neverwinter/news/detail/10738994-2x-underdark-currency-%26-15%25-off-bags%21',
      ]);
      // The URL actually fetched is the document's base (RFC 3986 §5.1.3); a self link is not.
      const withXmlUrl = await load('rss-with-relative-urls-with-absolute-xmlurl.xml', 'https://mirror.example/feed');
      expect(withXmlUrl.items[0]?.link).toBe(
        'https://mirror.example/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21',
      );
      const tpm = await load('tpm.atom', 'http://talkingpointsmemo.com/feed/');
      expect(tpm.items).toHaveLength(20);
      expect(tpm.items[0]?.link).toBe(
        'http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist',
      );
    });

    it('gives every item of guid-dupes.xml and mediacontent-dupes.xml one unique key', async () => {
      for (const name of ['guid-dupes.xml', 'mediacontent-dupes.xml']) {
        const keys = (await load(name)).items.map(feedItemKey);
        expect(keys.length).toBeGreaterThan(0);
        expect(new Set(keys).size).toBe(keys.length);
      }
      expect((await load('guid-dupes.xml')).items.map(feedItemKey)).toEqual(['http://www.braingle.com/50366.html']);
    });

    it('falls back to a hash key for items without a guid (iconv.xml)', async () => {
      const keys = (await load('iconv.xml')).items.map(feedItemKey);
      expect(keys.every((k) => /^h:[0-9a-f]{64}$/.test(k))).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });
} else {
  describe('real-world feeds (../shared/data/feeds)', () => {
    it('are not available here', () => {
      console.warn('../shared/data/feeds not found: real-world feed tests skipped');
      expect(existsSync(SHARED_FEEDS)).toBe(false);
    });
  });
}
