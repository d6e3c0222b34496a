import { useId, useState, type ReactNode } from 'react';
import type { TrendBucket, TrendName, TrendRows } from '@lp/domain';
import { useLive } from '../live/live-data';
import { downloadTrendCsv } from './trends-api';
import type { TimeRange } from './time-range';
import { useTrend } from './use-trend';
import { useWidth } from './use-width';

export interface PanelView<N extends TrendName> {
  items: Array<TrendRows[N]>;
  bucket: TrendBucket;
  width: number;
  height: number;
}

/**
 * A titled panel that loads one trend, measures itself and hands data and size to a pure chart, with
 * an "Export CSV" button for the same rows. Errors show in the panel; the last good chart stays.
 */
export function TrendPanel<N extends TrendName>({
  name,
  title,
  range,
  lang,
  height = 260,
  wide = false,
  children,
}: {
  name: N;
  title: string;
  range: TimeRange | undefined;
  /** Only mentions in this language (and the work on them); undefined for every language. */
  lang?: string;
  height?: number;
  wide?: boolean;
  children: (view: PanelView<N>) => ReactNode;
}) {
  const { session } = useLive();
  const { data, error, loading } = useTrend(name, range, lang);
  const [ref, width] = useWidth<HTMLDivElement>();
  const [exportError, setExportError] = useState<string>();
  const titleId = useId();
  const exportCsv = () => {
    if (!range) return;
    setExportError(undefined);
    downloadTrendCsv(session, name, range, lang ? { lang } : {}).catch((e: unknown) => setExportError(String(e)));
  };
  return (
    <section
      className={wide ? 'trend-panel wide' : 'trend-panel'}
      aria-labelledby={titleId}
      aria-busy={loading}
      data-testid={`trend-${name}`}
    >
      <header className="trend-panel-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="export"
          onClick={exportCsv}
          disabled={!range}
          aria-label={`Export ${title} as CSV`}
        >
          Export CSV
        </button>
      </header>
      {(error || exportError) && (
        <p role="alert" className="trend-error">
          {error ?? exportError}
        </p>
      )}
      <div ref={ref} className="trend-body" style={{ minHeight: height }}>
        {data ? (
          children({ items: data.items, bucket: data.bucket, width, height })
        ) : (
          <p className="trend-empty">Loading…</p>
        )}
      </div>
    </section>
  );
}
