import { memo } from 'react';
import type { SentimentGauge } from '../data/sentiment-gauge';

export interface SentimentPanelProps {
  gauge: SentimentGauge;
  windowMinutes: number;
}

const TREND_TEXT: Record<SentimentGauge['trend'], string> = {
  worse: 'worse than usual',
  better: 'better than usual',
  steady: 'as usual',
  unknown: 'not enough history yet',
};

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
/** -1…1 to 0…100 along the gauge. */
const position = (mean: number) => `${Math.max(0, Math.min(100, (mean + 1) * 50))}%`;

/** Negative share now against the usual level, and net sentiment on a gauge from negative to positive. */
export const SentimentPanel = memo(function SentimentPanel({ gauge, windowMinutes }: SentimentPanelProps) {
  const { recent, usual, trend } = gauge;
  return (
    <div className={`wall-sentiment trend-${trend}`}>
      {recent.count > 0 ? (
        <p className="wall-figure">
          <span className="wall-number">{percent(recent.negativeShare)}</span>
          <span className="wall-unit">negative</span>
        </p>
      ) : (
        <p className="wall-calm">No mentions lately</p>
      )}
      <p className="wall-sub">
        last {windowMinutes} min · {recent.count.toLocaleString()} mentions
      </p>
      <div
        className="wall-gauge"
        role="meter"
        aria-label="net sentiment"
        aria-valuemin={-1}
        aria-valuemax={1}
        aria-valuenow={recent.mean ?? 0}
      >
        {usual.mean !== null && <span className="wall-gauge-usual" style={{ left: position(usual.mean) }} />}
        {recent.mean !== null && <span className="wall-gauge-now" style={{ left: position(recent.mean) }} />}
      </div>
      <p className="wall-trend">
        {TREND_TEXT[trend]}
        {usual.negativeShare !== null && ` (usually ${percent(usual.negativeShare)})`}
      </p>
    </div>
  );
});
