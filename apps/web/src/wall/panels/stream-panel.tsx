import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MentionView } from '@lp/domain';
import { useEm } from '../use-em';
import { WallMention } from '../wall-mention';

export interface StreamPanelProps {
  /** Newest first, already cut to the stream's window (a few hundred): only the rows on screen are rendered. */
  mentions: readonly MentionView[];
  now: number;
  privateMode: boolean;
}

/** One meta line and two lines of text, in em: rows never need measuring. */
const ROW_EM = 5.4;

/** The live stream, virtualised: a row exists in the DOM only while it is on screen. */
export const StreamPanel = memo(function StreamPanel({ mentions, now, privateMode }: StreamPanelProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const rowHeight = Math.round(useEm(scroller) * ROW_EM);
  const virtualizer = useVirtualizer({
    count: mentions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => mentions[index]!.id,
    overscan: 2,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  // The scroller is always there, so its type size can be read before the first mention arrives.
  return (
    <div className="wall-stream" ref={scroller}>
      {mentions.length === 0 && <p className="wall-calm">Listening… no mentions yet.</p>}
      <ul className="wall-stream-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const m = mentions[row.index]!;
          return (
            <li
              key={row.key}
              data-testid="mention"
              data-mention-id={m.id}
              className="wall-stream-row"
              style={{ height: rowHeight, transform: `translateY(${row.start}px)` }}
            >
              <WallMention mention={m} now={now} privateMode={privateMode} age="ago" />
            </li>
          );
        })}
      </ul>
    </div>
  );
});
