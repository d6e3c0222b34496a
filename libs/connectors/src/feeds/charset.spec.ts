import iconv from 'iconv-lite';
import { decodeFeedBytes, detectCharset, headerCharset, prologCharset } from './charset';

const prolog = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>\n`;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('charset detection', () => {
  it('prefers the BOM over the header and the prolog', () => {
    const bytes = Buffer.concat([UTF8_BOM, Buffer.from(`${prolog('windows-1251')}<rss><title>Café</title></rss>`)]);
    expect(detectCharset(bytes, 'application/rss+xml; charset=ISO-8859-1')).toEqual({
      charset: 'utf-8',
      source: 'bom',
    });
    expect(decodeFeedBytes(bytes, 'application/rss+xml; charset=ISO-8859-1')).toBe(
      `${prolog('windows-1251')}<rss><title>Café</title></rss>`,
    );
  });

  it('recognises UTF-16 byte order marks', () => {
    const text = `${prolog('utf-16')}<rss><title>Grüße</title></rss>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    expect(detectCharset(le, null).charset).toBe('utf-16le');
    expect(detectCharset(be, null).charset).toBe('utf-16be');
    expect(decodeFeedBytes(le, null)).toBe(text);
    expect(decodeFeedBytes(be, 'text/xml; charset=utf-8')).toBe(text);
  });

  it('takes the HTTP charset over the XML prolog, quotes stripped', () => {
    const text = `${prolog('utf-8')}<rss><title>Новости</title></rss>`;
    const bytes = iconv.encode(text, 'windows-1251');
    expect(detectCharset(bytes, 'text/xml; charset="windows-1251"')).toEqual({
      charset: 'windows-1251',
      source: 'header',
    });
    expect(decodeFeedBytes(bytes, 'text/xml; charset="windows-1251"')).toBe(text);
  });

  it('falls back to the prolog when the header has no charset', () => {
    const text = `${prolog('ISO-8859-1')}<rss><title>Crème brûlée</title></rss>`;
    const bytes = iconv.encode(text, 'latin1');
    expect(detectCharset(bytes, 'application/xml')).toEqual({ charset: 'iso-8859-1', source: 'prolog' });
    expect(decodeFeedBytes(bytes, 'application/xml')).toContain('Crème brûlée');
  });

  it('decodes windows-1252 smart quotes', () => {
    const bytes = Buffer.concat([Buffer.from(prolog('windows-1252')), Buffer.from([0x93, 0x68, 0x69, 0x94])]);
    expect(decodeFeedBytes(bytes, null).endsWith('“hi”')).toBe(true);
  });

  it('defaults to UTF-8 without any declaration', () => {
    const bytes = Buffer.from('<rss><title>naïve</title></rss>');
    expect(detectCharset(bytes, null)).toEqual({ charset: 'utf-8', source: 'default' });
    expect(decodeFeedBytes(bytes, 'text/xml')).toBe('<rss><title>naïve</title></rss>');
  });

  it('skips a label iconv-lite does not know and ends at UTF-8', () => {
    const bytes = Buffer.from(`${prolog('x-klingon')}<rss><title>naïve</title></rss>`);
    expect(detectCharset(bytes, 'text/xml; charset=x-unknown')).toEqual({ charset: 'utf-8', source: 'default' });
    const latin = iconv.encode(`${prolog('latin1')}<t>é</t>`, 'latin1');
    expect(detectCharset(latin, 'text/xml; charset=bogus')).toEqual({ charset: 'latin1', source: 'prolog' });
  });

  it('parses the header and the prolog forms', () => {
    expect(headerCharset('text/xml;charset=UTF-8')).toBe('UTF-8');
    expect(headerCharset("application/atom+xml; type=entry; charset='x'")).toBe("'x'");
    expect(headerCharset('application/atom+xml')).toBeNull();
    expect(headerCharset(null)).toBeNull();
    expect(prologCharset(Buffer.from("<?xml version='1.0' encoding='koi8-r' ?><rss/>"))).toBe('koi8-r');
    expect(prologCharset(Buffer.from('<rss encoding="utf-8"/>'))).toBeNull();
  });
});
