import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MentionView } from '@lp/domain';
import { LanguageBadge } from '../components/language-badge';
import { PLATFORM_LABEL } from '../components/platform-label';
import { waited } from './agent-queue';

const ROW_HEIGHT = 92;

interface Props {
  queue: readonly MentionView[];
  selectedId: string | undefined;
  now: number;
  onSelect: (id: string) => void;
}

/** The queue, virtualised: only the rows on screen are in the DOM, however long it gets. */
export function QueueList({ queue, selectedId, now, onSelect }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: queue.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => queue[index]!.id,
  });
  const selectedIndex = queue.findIndex((m) => m.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (queue.length === 0) return <p className="empty">Nothing waiting. Well done.</p>;
  return (
    <div ref={scroller} className="queue" role="listbox" aria-label="Queue, most urgent first" tabIndex={-1}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const mention = queue[item.index]!;
          return (
            <QueueRow
              key={item.key}
              mention={mention}
              selected={mention.id === selectedId}
              waitedFor={waited(mention.postedAt, now)}
              top={item.start}
              onSelect={onSelect}
            />
          );
        })}
      </div>
    </div>
  );
}

const QueueRow = memo(function QueueRow({
  mention,
  selected,
  waitedFor,
  top,
  onSelect,
}: {
  mention: MentionView;
  selected: boolean;
  waitedFor: string;
  top: number;
  onSelect: (id: string) => void;
}) {
  return (
    <div
      role="option"
      aria-selected={selected}
      className={`queue-row urgency-${mention.urgencyLevel}${selected ? ' selected' : ''}`}
      style={{ position: 'absolute', top, left: 0, right: 0, height: ROW_HEIGHT - 6 }}
      data-testid="queue-row"
      data-mention-id={mention.id}
      data-urgency={mention.urgency}
      onClick={() => onSelect(mention.id)}
    >
      <div className="queue-meta">
        <span className={`chip level-${mention.urgencyLevel}`}>{mention.urgencyLevel}</span>
        <span className="author-name">{mention.author.name}</span>
        <span className="queue-platform">{PLATFORM_LABEL[mention.platform]}</span>
        <LanguageBadge lang={mention.lang} />
        <span className="queue-waited">{waitedFor}</span>
        {mention.claim && <span className="chip claimed">{mention.claim.name}</span>}
        {mention.sla?.breached && <span className="chip sla-breached">SLA</span>}
      </div>
      <p className="queue-text">{mention.text}</p>
    </div>
  );
});
