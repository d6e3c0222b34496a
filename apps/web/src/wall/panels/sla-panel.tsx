import { memo } from 'react';
import { shortDuration } from '../data/format';
import type { SlaBoard } from '../data/sla-board';

export interface SlaPanelProps {
  board: SlaBoard;
}

/** Open, breaching, and how long the oldest has waited: the three numbers a team lead looks for. */
export const SlaPanel = memo(function SlaPanel({ board }: SlaPanelProps) {
  return (
    <div className="wall-sla">
      <dl className="wall-figures">
        <div>
          <dt>open</dt>
          <dd className="wall-number" data-testid="sla-open">
            {board.open.toLocaleString()}
          </dd>
        </div>
        <div className={board.breaching > 0 ? 'is-bad' : undefined}>
          <dt>breaching</dt>
          <dd className="wall-number" data-testid="sla-breaching">
            {board.breaching.toLocaleString()}
          </dd>
        </div>
        <div>
          <dt>oldest waiting</dt>
          <dd className="wall-number" data-testid="sla-oldest">
            {board.oldest ? shortDuration(board.oldest.waitingS) : '–'}
          </dd>
          {board.oldest && <dd className="wall-sub">{board.oldest.urgencyLevel}</dd>}
        </div>
      </dl>
      {board.basis === 'store' && <p className="wall-sub">from the mentions on this screen</p>}
    </div>
  );
});
