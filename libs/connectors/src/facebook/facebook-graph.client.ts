import { ConnectorError, ConnectorPayloadError } from '../shared/connector-errors';
import type { RateLimitSnapshot } from '../shared/rate-limit';
import { graphErrorBodySchema } from './facebook.schema';
import { classifyGraphError } from './facebook-errors';
import { readUsage, usageSnapshot } from './facebook-usage';

export interface GraphClientOptions {
  /** `https://graph.facebook.com/v26.0/` or the simulator's `http://127.0.0.1:PORT/v26.0/`. */
  graphBaseUrl: string;
  timeoutMs: number;
  now?: () => Date;
}

export interface GraphResponse {
  body: unknown;
  rateLimit: RateLimitSnapshot | null;
}

/**
 * The thin HTTP layer over Graph: sends the token as a Bearer header (so it stays out of the URLs
 * we build), turns every failure into a ConnectorError whose message never carries the token or
 * a URL, and reads the usage headers of every response.
 */
export class FacebookGraphClient {
  private readonly base: URL;
  private readonly now: () => Date;

  constructor(private readonly options: GraphClientOptions) {
    this.base = new URL(options.graphBaseUrl.endsWith('/') ? options.graphBaseUrl : `${options.graphBaseUrl}/`);
    this.now = options.now ?? (() => new Date());
  }

  /** `path` is relative to the versioned base, e.g. `123/feed`. */
  url(path: string, params: Record<string, string | number> = {}): string {
    const url = new URL(path.replace(/^\/+/, ''), this.base);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
    return url.toString();
  }

  /** GETs a URL we built or a `paging.next` link; the latter must stay on the Graph origin, or the token would leak. */
  async get(url: string, token: string): Promise<GraphResponse> {
    if (new URL(url).origin !== this.base.origin) {
      throw new ConnectorPayloadError('Facebook paging link points outside the Graph API origin');
    }
    return this.send(url, { method: 'GET' }, token);
  }

  async postForm(path: string, form: Record<string, string>, token: string): Promise<GraphResponse> {
    return this.send(this.url(path), { method: 'POST', body: new URLSearchParams(form) }, token);
  }

  private async send(url: string, init: RequestInit, token: string): Promise<GraphResponse> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        ...init,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      // The abort reason is a DOMException, which is not always `instanceof Error` (other realms).
      const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const reason = timedOut
        ? `timed out after ${this.options.timeoutMs} ms`
        : `failed: ${redact(typeof message === 'string' ? message : String(error), token)}`;
      throw new ConnectorError(`Facebook Graph request ${reason}`, true);
    }

    const now = this.now();
    const usage = readUsage(response.headers);
    const rateLimit = usageSnapshot(usage, now);
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // A proxy's HTML 502 is an outage, not a contract break.
      if (response.status >= 500) {
        throw new ConnectorError(`Facebook Graph answered HTTP ${response.status} without a Graph error body`, true);
      }
      throw new ConnectorPayloadError(
        `Facebook Graph returned a body that is not valid JSON (HTTP ${response.status})`,
      );
    }

    // Graph can report errors with any status, 200 included: the body decides.
    const graphError = graphErrorBodySchema.safeParse(body);
    if (graphError.success) {
      const error = { ...graphError.data.error, message: redact(graphError.data.error.message, token).slice(0, 300) };
      throw classifyGraphError(error, usage, now);
    }
    if (!response.ok) {
      throw new ConnectorError(
        `Facebook Graph answered HTTP ${response.status} without a Graph error body`,
        response.status >= 500,
      );
    }
    return { body, rateLimit };
  }
}

function redact(message: string, token: string): string {
  return token ? message.split(token).join('[redacted]') : message;
}
