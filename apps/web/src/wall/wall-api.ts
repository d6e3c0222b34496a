import type { SlaSummary, WallLayoutView } from '@lp/domain';
import type { Session } from '../auth/session';

async function getJson<T>(session: Session, path: string, signal?: AbortSignal): Promise<T> {
  const response = await session.authorizedFetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export function fetchWallLayout(session: Session, name: string, signal?: AbortSignal): Promise<WallLayoutView> {
  return getJson(session, `/api/wall-layouts/${encodeURIComponent(name)}`, signal);
}

export function fetchSlaSummary(session: Session, signal?: AbortSignal): Promise<SlaSummary> {
  return getJson(session, '/api/sla/summary', signal);
}
