import type { Response } from 'express';
import zlib from 'node:zlib';

/** Classic billion laughs: ten levels of ten references, about 3 GB if a parser expands internal entities. */
export const BILLION_LAUGHS_XML = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0">
  <channel>
    <title>Laughs</title>
    <link>https://hostile.example/</link>
    <description>&lol9;</description>
    <item>
      <title>Billion laughs &lol9;</title>
      <link>https://hostile.example/lol</link>
      <guid>hostile-lol</guid>
      <description>&lol9;</description>
    </item>
  </channel>
</rss>
`;

/** External entity pointing at a local file: a parser that resolves it would leak /etc/passwd into a mention. */
export const XXE_XML = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [
  <!ELEMENT rss ANY>
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0">
  <channel>
    <title>XXE</title>
    <link>https://hostile.example/</link>
    <description>external entity</description>
    <item>
      <title>Leak &xxe;</title>
      <link>https://hostile.example/xxe</link>
      <guid>hostile-xxe</guid>
      <description>&xxe;</description>
    </item>
  </channel>
</rss>
`;

const HUGE_HEAD =
  '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Huge</title><link>https://hostile.example/</link>\n';

function hugeItem(n: number): string {
  return `<item><title>Item ${n}</title><link>https://hostile.example/huge/${n}</link><guid>huge-${n}</guid><description>${'acme '.repeat(180)}</description></item>\n`;
}

/**
 * Streams a valid RSS document of at least `bytes` bytes with no Content-Length, honouring back-pressure and
 * stopping when the client hangs up (as a reader that enforces a cap will).
 */
export function streamHugeFeed(res: Response, bytes: number): void {
  res.status(200).type('application/rss+xml; charset=utf-8');
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.write(HUGE_HEAD);
  let sent = Buffer.byteLength(HUGE_HEAD);
  let n = 0;
  const pump = () => {
    while (!closed && sent < bytes) {
      n += 1;
      const chunk = hugeItem(n);
      sent += Buffer.byteLength(chunk);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end('</channel></rss>\n');
  };
  pump();
}

const bombs = new Map<number, Buffer>();

/** A well-formed feed padded with `bytes` of whitespace, gzipped to a tiny body (cached: compressing takes a moment). */
export function gzipBomb(bytes: number): Buffer {
  let bomb = bombs.get(bytes);
  if (!bomb) {
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Bomb</title>'),
      Buffer.alloc(bytes, 0x20),
      Buffer.from('</channel></rss>\n'),
    ]);
    bomb = zlib.gzipSync(xml, { level: 9 });
    bombs.set(bytes, bomb);
  }
  return bomb;
}
