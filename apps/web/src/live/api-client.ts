import type { MentionView, SourceView } from '@lp/domain';
import type { Session } from '../auth/session';

const PAGE = 500;

/** GET a JSON resource; anything but 2xx throws with the path and status. */
export async function getJson<T>(session: Session, path: string, signal?: AbortSignal): Promise<T> {
  const response = await session.authorizedFetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** What the api answers when it refuses: a message and, for a 400, each field with its reasons. */
export interface Refusal {
  message?: unknown;
  fields?: Array<{ field: string; messages?: string[] }>;
}

/** The refusal's body, or an empty one when it is not JSON (a proxy's error page, a dropped body). */
export function readRefusal(res: Response): Promise<Refusal> {
  return res.json().catch(() => ({})) as Promise<Refusal>;
}

export async function fetchLatestMentions(
  session: Session,
  limit: number,
  signal?: AbortSignal,
): Promise<MentionView[]> {
  const { items } = await getJson<{ items: MentionView[] }>(session, `/api/mentions?limit=${limit}`, signal);
  return items;
}

/** Everything ingested after `afterSeq`, page by page: what a screen missed while disconnected. */
export async function fetchMentionsAfter(
  session: Session,
  afterSeq: number,
  maxPages: number,
  signal?: AbortSignal,
): Promise<MentionView[]> {
  const all: MentionView[] = [];
  let cursor = afterSeq;
  for (let page = 0; page < maxPages; page++) {
    const { items } = await getJson<{ items: MentionView[] }>(
      session,
      `/api/mentions?afterSeq=${cursor}&limit=${PAGE}`,
      signal,
    );
    all.push(...items);
    if (items.length < PAGE) break;
    cursor = items[items.length - 1]!.seq;
  }
  return all;
}

export async function fetchSources(session: Session, signal?: AbortSignal): Promise<SourceView[]> {
  const { items } = await getJson<{ items: SourceView[] }>(session, '/api/sources', signal);
  return items;
}
