import type { RisingTerm } from '@lp/domain';

/** Terms rising against the previous range, steepest first; each shows its count and its growth. */
export function RisingTermsList({ data }: { data: RisingTerm[] }) {
  if (data.length === 0) return <p className="trend-empty">No term is rising in this range.</p>;
  return (
    <ol className="rising-terms" data-testid="rising-terms">
      {data.map((t) => (
        <li key={t.term}>
          <span className="term">{t.term}</span>
          <span className="term-count">{t.mentions} mentions</span>
          <span className="term-ratio" title={`about ${Math.round(t.expected)} expected from the previous range`}>
            ×{t.ratio.toFixed(1)}
          </span>
        </li>
      ))}
    </ol>
  );
}
