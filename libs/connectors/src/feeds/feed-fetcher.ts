import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { ConnectorError, ConnectorPayloadError, RateLimitedError } from '../shared/connector-errors';
import { resolveFeedTarget, type ResolvedTarget, type UrlGuardOptions } from './url-guard';

export interface FetchOptions extends UrlGuardOptions {
  maxBytes: number;
  timeoutMs: number;
  userAgent: string;
  /** Validators from the last successful fetch, for a conditional GET. */
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { status: 'not-modified' }
  | {
      status: 'ok';
      body: Buffer;
      contentType: string | null;
      /** Where the feed was found after redirects: the base for its relative links. */
      finalUrl: string;
      etag: string | null;
      lastModified: string | null;
    };

const MAX_REDIRECTS = 3;
const FALLBACK_RETRY_AFTER_MS = 60_000;
const GZIP_MAGIC = [0x1f, 0x8b];

/** Fetches a feed with a size cap on decoded bytes, an overall deadline and at most 3 re-checked redirects. */
export async function fetchFeed(rawUrl: string, options: FetchOptions): Promise<FetchResult> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  try {
    let url = rawUrl;
    for (let hop = 0; ; hop++) {
      const target = await untilAborted(resolveFeedTarget(url, options), deadline.signal);
      const res = await request(target, options, deadline.signal);
      const location = res.headers.location;
      if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304) {
        res.resume();
        if (!location) throw new ConnectorError(`feed redirect (HTTP ${res.statusCode}) has no Location`, false);
        if (hop >= MAX_REDIRECTS) throw new ConnectorError(`feed redirected more than ${MAX_REDIRECTS} times`, false);
        url = new URL(location, target.url).toString();
        continue;
      }
      return await readResponse(res, target.url.toString(), options, deadline.signal);
    }
  } catch (error) {
    if (deadline.signal.aborted) {
      throw new ConnectorError(`feed request timed out after ${formatMs(options.timeoutMs)}`, true);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** dns.lookup cannot be cancelled; the deadline still ends the wait for it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function request(target: ResolvedTarget, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const { url, address, family } = target;
  // Connect to the address the guard checked, whatever DNS would answer now (no rebinding between check and use).
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all)
      (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept:
      'application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'GET', headers, lookup, signal, agent: false }, resolve);
    req.on('error', (error) => reject(translateNetworkError(error)));
    req.end();
  });
}

async function readResponse(
  res: IncomingMessage,
  finalUrl: string,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<FetchResult> {
  const status = res.statusCode ?? 0;
  if (status === 304) {
    res.resume();
    return { status: 'not-modified' };
  }
  if (status < 200 || status >= 300) {
    res.resume();
    throw statusError(status, res.headers['retry-after']);
  }
  const body = await readCapped(res, options.maxBytes, signal);
  return {
    status: 'ok',
    body,
    contentType: res.headers['content-type'] ?? null,
    finalUrl,
    etag: header(res, 'etag'),
    lastModified: header(res, 'last-modified'),
  };
}

function header(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

function statusError(status: number, retryAfter: string | undefined): ConnectorError {
  if (status === 429) {
    const resumeAt = new Date(Date.now() + retryAfterMs(retryAfter));
    return new RateLimitedError(
      `feed server rate-limited us (HTTP 429); resuming at ${resumeAt.toISOString()}`,
      resumeAt,
    );
  }
  if (status === 404 || status === 410) return new ConnectorError(`feed not found (HTTP ${status})`, false);
  return new ConnectorError(`feed request failed with HTTP ${status}`, status >= 500 || status === 408);
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (!value) return FALLBACK_RETRY_AFTER_MS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? FALLBACK_RETRY_AFTER_MS : Math.max(0, at - now);
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Unzip | zlib.BrotliDecompress | null {
  const value = (encoding ?? '').trim().toLowerCase();
  switch (value) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      // createUnzip accepts the zlib wrapper RFC 9110 specifies for "deflate" (and gzip, which servers also send).
      return zlib.createUnzip();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new ConnectorPayloadError(`feed uses an unsupported Content-Encoding: ${value.slice(0, 40)}`);
  }
}

/**
 * Reads the body, counting decoded bytes as they stream: a gzip bomb fails after maxBytes of output,
 * not after it has filled memory.
 */
async function readCapped(res: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // Remembered because pipeline may reject with the AbortError of a stream it tore down, not the sink's error.
  let overflow = false;
  const sink = async (source: AsyncIterable<Buffer | string>) => {
    for await (const data of source) {
      const chunk = typeof data === 'string' ? Buffer.from(data) : data;
      total += chunk.length;
      if (total > maxBytes) {
        overflow = true;
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk);
    }
  };
  const decoder = decoderFor(res.headers['content-encoding']);
  try {
    if (decoder) await pipeline(res, decoder, sink, { signal });
    else await pipeline(res, sink, { signal });
  } catch (error) {
    if (overflow) throw tooLarge(maxBytes);
    if (error instanceof ConnectorError || signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (error && typeof error === 'object' && 'code' in error && String(error.code).startsWith('Z_')) {
      throw new ConnectorPayloadError(`feed body could not be decompressed: ${message}`);
    }
    throw new ConnectorError(`feed download failed: ${message}`, true);
  }
  const body = Buffer.concat(chunks);
  return isGzip(body) ? gunzipCapped(body, maxBytes) : body;
}

function isGzip(body: Buffer): boolean {
  return body[0] === GZIP_MAGIC[0] && body[1] === GZIP_MAGIC[1];
}

/**
 * Some servers store feeds gzipped and serve them without Content-Encoding. XML cannot start with 0x1f,
 * so a gzip signature is unambiguous; maxOutputLength stops a bomb mid-inflate.
 */
function gunzipCapped(body: Buffer, maxBytes: number): Buffer {
  try {
    return zlib.gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(maxBytes);
    throw new ConnectorPayloadError(
      `feed body looks gzipped but could not be decompressed: ${(error as Error).message}`,
    );
  }
}

function tooLarge(maxBytes: number): ConnectorPayloadError {
  return new ConnectorPayloadError(`feed is larger than ${formatBytes(maxBytes)}`);
}

function translateNetworkError(error: Error): Error {
  if (error instanceof ConnectorError || error.name === 'AbortError') return error;
  const code = (error as { code?: string }).code;
  return new ConnectorError(`feed request failed: ${code ? `${code} ` : ''}${error.message}`, true);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
