import { useState } from 'react';
import type { WallLayout, WallPanelId } from '@lp/domain';
import { PANEL_TITLE } from '../panel-titles';
import { addPanel, unplacedKinds } from './layout-draft';

/** Adds a kind of panel that is not on the layout yet, in the first free cell. */
export function AddPanel({
  draft,
  edit,
}: {
  draft: WallLayout;
  edit: (change: (d: WallLayout) => WallLayout) => void;
}) {
  const kinds = unplacedKinds(draft);
  const [chosen, setChosen] = useState<WallPanelId | ''>('');
  const kind = chosen && kinds.includes(chosen) ? chosen : (kinds[0] ?? '');
  if (kinds.length === 0) return <p className="editor-note">Every kind of panel is on this layout.</p>;
  return (
    <div className="editor-add">
      <label>
        <span className="editor-field-label">Add a panel</span>
        <select value={kind} onChange={(e) => setChosen(e.currentTarget.value as WallPanelId)}>
          {kinds.map((id) => (
            <option key={id} value={id}>
              {PANEL_TITLE[id]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => kind && edit((d) => addPanel(d, kind))}>
        Add
      </button>
    </div>
  );
}
