import { SOURCE_HEALTH, type SourceHealth, type SourceView } from '@lp/domain';

export interface Coverage {
  counts: Record<SourceHealth, number>;
  /** Sources needing a look (failing, throttled, silent), worst first; then the rest. */
  sources: readonly SourceView[];
  total: number;
}

/** Worst first: what a team must act on comes before what is fine. */
const RANK: Record<SourceHealth, number> = { failing: 0, throttled: 1, silent: 2, pending: 3, paused: 4, healthy: 5 };

export function isTrouble(health: SourceHealth): boolean {
  return health === 'failing' || health === 'throttled' || health === 'silent';
}

export function coverage(sources: readonly SourceView[]): Coverage {
  const counts = Object.fromEntries(SOURCE_HEALTH.map((h) => [h, 0])) as Record<SourceHealth, number>;
  for (const s of sources) counts[s.health]++;
  const sorted = [...sources].sort((a, b) => RANK[a.health] - RANK[b.health] || a.name.localeCompare(b.name));
  return { counts, sources: sorted, total: sources.length };
}
