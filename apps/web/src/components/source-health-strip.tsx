import type { SourceView } from '@lp/domain';

const LABEL: Record<SourceView['health'], string> = {
  pending: 'starting',
  healthy: 'ok',
  silent: 'silent',
  throttled: 'throttled',
  failing: 'failing',
  paused: 'paused',
};

/** Coverage at a glance: which sources are live, silent, throttled or failing, and why. */
export function SourceHealthStrip({ sources }: { sources: readonly SourceView[] }) {
  if (sources.length === 0) return null;
  return (
    <ul className="sources" aria-label="Source health" data-testid="source-health">
      {sources.map((s) => (
        <li
          key={s.id}
          className={`source health-${s.health}`}
          title={s.healthReason ?? undefined}
          data-source-id={s.id}
        >
          <span className="source-name">{s.name}</span>
          <span className="source-health">{LABEL[s.health]}</span>
        </li>
      ))}
    </ul>
  );
}
