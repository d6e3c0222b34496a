import { memo } from 'react';
import type { MentionView } from '@lp/domain';
import { WallMention } from '../wall-mention';

export interface UrgentPanelProps {
  /** Already the most urgent unclaimed, in order (unclaimedQueue). */
  mentions: readonly MentionView[];
  now: number;
  privateMode: boolean;
}

/** The queue nobody has picked up yet, most urgent first. */
export const UrgentPanel = memo(function UrgentPanel({ mentions, now, privateMode }: UrgentPanelProps) {
  if (mentions.length === 0) return <p className="wall-calm">Nothing waiting. Every mention has an owner.</p>;
  return (
    <ol className="wall-list">
      {mentions.map((m) => (
        <li key={m.id} data-testid="mention" data-mention-id={m.id}>
          <WallMention mention={m} now={now} privateMode={privateMode} age="waiting" />
        </li>
      ))}
    </ol>
  );
});
