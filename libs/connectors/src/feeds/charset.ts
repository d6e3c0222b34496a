import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'header' | 'prolog' | 'default';

export interface DetectedCharset {
  charset: string;
  source: CharsetSource;
}

/** Longest signatures first: the UTF-32LE BOM starts with the UTF-16LE one. */
const BOMS: ReadonlyArray<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The declaration sits in the first bytes and is ASCII in every encoding a prolog can be read in without a BOM. */
const PROLOG_SCAN_BYTES = 512;
const PROLOG_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const HEADER_CHARSET = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i;

export function bomCharset(bytes: Uint8Array): string | null {
  const match = BOMS.find(([signature]) => signature.every((byte, i) => bytes[i] === byte));
  return match ? match[1] : null;
}

export function headerCharset(contentType: string | null | undefined): string | null {
  return (contentType && HEADER_CHARSET.exec(contentType)?.[2]) || null;
}

export function prologCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PROLOG_SCAN_BYTES)).toString('latin1');
  return PROLOG_ENCODING.exec(head)?.[1] ?? null;
}

/**
 * The order feeds need (docs/platform-apis.md §4.2): a BOM cannot lie about the bytes, the HTTP header overrides the
 * prolog (as in the Python feedparser corpus), and UTF-8 is XML's default. A label iconv-lite does not know is skipped,
 * so a typo in the header falls back to the prolog rather than to mojibake.
 */
export function detectCharset(bytes: Uint8Array, contentType: string | null | undefined): DetectedCharset {
  const candidates: Array<[string | null, CharsetSource]> = [
    [bomCharset(bytes), 'bom'],
    [headerCharset(contentType), 'header'],
    [prologCharset(bytes), 'prolog'],
  ];
  for (const [charset, source] of candidates) {
    if (charset && iconv.encodingExists(charset)) return { charset: charset.toLowerCase(), source };
  }
  return { charset: 'utf-8', source: 'default' };
}

/** Decodes feed bytes to a string (BOM removed) for a parser that must not guess the encoding itself. */
export function decodeFeedBytes(bytes: Buffer, contentType: string | null | undefined): string {
  const { charset } = detectCharset(bytes, contentType);
  // iconv-lite strips a BOM matching the charset; a leftover U+FEFF would sit before `<?xml` and upset sax.
  return iconv.decode(bytes, charset).replace(/^\uFEFF/, '');
}
