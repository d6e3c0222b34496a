import type { LanguageSeen, TrendName, TrendResponse, TrendRows } from '@lp/domain';
import type { Session } from '../auth/session';
import { rangeQuery, type TimeRange } from './time-range';

/** What narrows every trend: a language code ("und" for unknown), or undefined for every language. */
export interface TrendFilter {
  lang?: string;
}

const filterParams = (filter: TrendFilter): Record<string, string> => (filter.lang ? { lang: filter.lang } : {});

export async function fetchTrend<N extends TrendName>(
  session: Session,
  name: N,
  range: TimeRange,
  filter: TrendFilter = {},
  signal?: AbortSignal,
): Promise<TrendResponse<TrendRows[N]>> {
  const res = await session.authorizedFetch(`/api/trends/${name}?${rangeQuery(range, filterParams(filter))}`, {
    headers: { accept: 'application/json' },
    signal,
  });
  if (!res.ok) throw new Error(`could not load ${name} (${res.status})`);
  return (await res.json()) as TrendResponse<TrendRows[N]>;
}

/**
 * Downloads a trend as CSV under the server's file name. The request needs the access token in a
 * header, so it goes through fetch and a temporary object URL rather than a plain link.
 */
export async function downloadTrendCsv(
  session: Session,
  name: TrendName,
  range: TimeRange,
  filter: TrendFilter = {},
): Promise<void> {
  const res = await session.authorizedFetch(
    `/api/trends/${name}?${rangeQuery(range, { ...filterParams(filter), format: 'csv' })}`,
  );
  if (!res.ok) throw new Error(`export failed (${res.status})`);
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `trends-${name}.csv`;
  const url = URL.createObjectURL(await res.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has handed the blob to the download; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Languages of the last 30 days' mentions, busiest first: the language filter's options. */
export async function fetchLanguages(session: Session, signal?: AbortSignal): Promise<string[]> {
  const res = await session.authorizedFetch('/api/mentions/languages', {
    headers: { accept: 'application/json' },
    signal,
  });
  if (!res.ok) throw new Error(`could not load languages (${res.status})`);
  return ((await res.json()) as { items: LanguageSeen[] }).items.map((l) => l.lang);
}
