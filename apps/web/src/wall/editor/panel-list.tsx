import { useLayoutEffect, useRef, useState } from 'react';
import type { WallLayout, WallPanelId } from '@lp/domain';
import { PANEL_TITLE } from '../panel-titles';
import { movePanel, placePanel, removePanel, setPanelOption } from './layout-draft';
import type { LayoutProblems } from './layout-problems';
import { PanelCard, type PanelControl } from './panel-card';

interface PanelListProps {
  draft: WallLayout;
  problems: LayoutProblems;
  edit: (change: (draft: WallLayout) => WallLayout) => void;
}

/** Where the keyboard goes after a move or removal; React moving a list item would otherwise drop focus. */
interface FocusRequest {
  id: WallPanelId | null;
  control: PanelControl;
}

/**
 * The draft's panels in list order, each editable. Moves and removals keep the keyboard where the
 * manager was and are announced, since the list reorders under them.
 */
export function PanelList({ draft, problems, edit }: PanelListProps) {
  const list = useRef<HTMLOListElement>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useLayoutEffect(() => {
    if (!focus || !list.current) return;
    const card = focus.id ? list.current.querySelector(`[data-panel="${focus.id}"]`) : null;
    // At the top or bottom the pressed button is disabled: fall back to the card's other buttons.
    const target =
      card?.querySelector<HTMLButtonElement>(`[data-control="${focus.control}"]:not(:disabled)`) ??
      card?.querySelector<HTMLButtonElement>('button:not(:disabled)') ??
      list.current.querySelector<HTMLButtonElement>('button:not(:disabled)');
    target?.focus();
    setFocus(null);
  }, [focus]);

  const move = (index: number, delta: -1 | 1) => {
    const panel = draft.panels[index]!;
    edit((d) => movePanel(d, index, delta));
    setFocus({ id: panel.id, control: delta < 0 ? 'up' : 'down' });
    setAnnouncement(
      `${PANEL_TITLE[panel.id]} moved to position ${index + delta + 1} of ${draft.panels.length}, swapping places with ${
        PANEL_TITLE[draft.panels[index + delta]!.id]
      }.`,
    );
  };
  const remove = (index: number) => {
    const panel = draft.panels[index]!;
    const next = draft.panels[index + 1] ?? draft.panels[index - 1];
    edit((d) => removePanel(d, index));
    setFocus({ id: next?.id ?? null, control: 'remove' });
    setAnnouncement(`${PANEL_TITLE[panel.id]} removed.`);
  };

  return (
    <>
      <ol className="editor-panels" ref={list} aria-label="Panels, in order">
        {draft.panels.map((panel, index) => (
          <PanelCard
            key={panel.id}
            panel={panel}
            index={index}
            count={draft.panels.length}
            grid={draft}
            problems={problems}
            onMove={(delta) => move(index, delta)}
            onRemove={() => remove(index)}
            onPlace={(key, value) => edit((d) => placePanel(d, index, key, value))}
            onOption={(key, value) => edit((d) => setPanelOption(d, index, key, value))}
          />
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
