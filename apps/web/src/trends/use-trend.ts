import { useEffect, useState } from 'react';
import type { TrendName, TrendResponse, TrendRows } from '@lp/domain';
import { useLive } from '../live/live-data';
import { fetchTrend, type TrendFilter } from './trends-api';
import type { TimeRange } from './time-range';

export interface TrendState<N extends TrendName> {
  data: TrendResponse<TrendRows[N]> | undefined;
  error: string | undefined;
  loading: boolean;
}

/**
 * One trend for a range and a language, refetched when either changes (the old request is aborted, so a slow
 * answer for the previous range never overwrites the new one). `range` must be a stable object:
 * the page makes a new one on each refresh tick, which is what triggers the periodic reload.
 */
export function useTrend<N extends TrendName>(
  name: N,
  range: TimeRange | undefined,
  lang: string | undefined,
): TrendState<N> {
  const { session } = useLive();
  const [state, setState] = useState<TrendState<N>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    if (!range) return;
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    fetchTrend(session, name, range, filterOf(lang), abort.signal).then(
      (data) => setState({ data, error: undefined, loading: false }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        // Keep the last good data on screen: a failed refresh should not blank every chart.
        setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error), loading: false }));
      },
    );
    return () => abort.abort();
  }, [session, name, range, lang]);
  return state;
}

const filterOf = (lang: string | undefined): TrendFilter => (lang ? { lang } : {});
