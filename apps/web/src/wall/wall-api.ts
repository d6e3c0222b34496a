import type { SlaSummary, WallLayout, WallLayoutConflict, WallLayoutFieldError, WallLayoutView } from '@lp/domain';
import type { Session } from '../auth/session';
import { getJson } from '../live/api-client';

const layoutPath = (name: string) => `/api/wall-layouts/${encodeURIComponent(name)}`;

export function fetchWallLayout(session: Session, name: string, signal?: AbortSignal): Promise<WallLayoutView> {
  return getJson(session, layoutPath(name), signal);
}

export async function fetchWallLayoutVersions(
  session: Session,
  name: string,
  signal?: AbortSignal,
): Promise<WallLayoutView[]> {
  return (await getJson<{ items: WallLayoutView[] }>(session, `${layoutPath(name)}/versions`, signal)).items;
}

/** How a save ended. Refusals the editor can act on are values; only an unreachable server throws. */
export type SaveResult =
  | { kind: 'saved'; view: WallLayoutView }
  | { kind: 'invalid'; errors: WallLayoutFieldError[] }
  | { kind: 'conflict'; conflict: WallLayoutConflict }
  | { kind: 'refused'; status: number; message: string };

/** PUT a layout as the next version, from `baseVersion` (the 409 says if someone saved since). */
export async function saveWallLayout(
  session: Session,
  name: string,
  layout: WallLayout,
  baseVersion: number,
): Promise<SaveResult> {
  const response = await session.authorizedFetch(layoutPath(name), {
    method: 'PUT',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ layout, baseVersion }),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { kind: 'saved', view: body as unknown as WallLayoutView };
  if (response.status === 409 && body.latest)
    return { kind: 'conflict', conflict: body as unknown as WallLayoutConflict };
  if (response.status === 400 && Array.isArray(body.fields))
    return { kind: 'invalid', errors: body.fields as WallLayoutFieldError[] };
  const message = typeof body.message === 'string' ? body.message : `the server answered ${response.status}`;
  return { kind: 'refused', status: response.status, message };
}

export function fetchSlaSummary(session: Session, signal?: AbortSignal): Promise<SlaSummary> {
  return getJson(session, '/api/sla/summary', signal);
}
