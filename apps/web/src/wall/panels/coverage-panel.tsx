import { memo } from 'react';
import type { SourceHealth } from '@lp/domain';
import { isTrouble, type Coverage } from '../data/coverage';

export interface CoveragePanelProps {
  coverage: Coverage;
}

const LABEL: Record<SourceHealth, string> = {
  pending: 'starting',
  healthy: 'ok',
  silent: 'silent',
  throttled: 'throttled',
  failing: 'failing',
  paused: 'paused',
};

/** Which sources we are hearing: a silent or failing source means mentions we are not seeing. */
export const CoveragePanel = memo(function CoveragePanel({ coverage }: CoveragePanelProps) {
  if (coverage.total === 0) return <p className="wall-calm">No sources configured</p>;
  const trouble = coverage.counts.failing + coverage.counts.throttled + coverage.counts.silent;
  return (
    <div className="wall-coverage">
      <p className={`wall-figure ${trouble > 0 ? 'is-bad' : 'is-good'}`}>
        <span className="wall-number">
          {coverage.total - trouble}/{coverage.total}
        </span>
        <span className="wall-unit">sources ok</span>
      </p>
      <ul className="wall-sources" data-testid="wall-coverage">
        {coverage.sources.map((s) => (
          <li
            key={s.id}
            className={`wall-source health-${s.health}${isTrouble(s.health) ? ' is-trouble' : ''}`}
            data-source-id={s.id}
            title={s.healthReason ?? undefined}
          >
            <span className="wall-source-name">{s.name}</span>
            <span className="wall-source-health">{LABEL[s.health]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
});
