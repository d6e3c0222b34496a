import { wallPanelOptionSpecs, type WallLayout, type WallPanelPlacement } from '@lp/domain';
import { PANEL_TITLE } from '../panel-titles';
import { type PlacementKey } from './layout-draft';
import { optionField, panelField, type LayoutProblems } from './layout-problems';
import { NumberField } from './number-field';

export type PanelControl = 'up' | 'down' | 'remove';

interface PanelCardProps {
  panel: WallPanelPlacement;
  index: number;
  count: number;
  grid: Pick<WallLayout, 'columns' | 'rows'>;
  problems: LayoutProblems;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onPlace: (key: PlacementKey, value: number) => void;
  onOption: (key: string, value: number | undefined) => void;
}

const PLACEMENT: ReadonlyArray<{ key: PlacementKey; label: string; grid: 'columns' | 'rows' }> = [
  { key: 'column', label: 'Column', grid: 'columns' },
  { key: 'row', label: 'Row', grid: 'rows' },
  { key: 'width', label: 'Width (cells)', grid: 'columns' },
  { key: 'height', label: 'Height (cells)', grid: 'rows' },
];

/** One panel of the draft: where it sits, how big it is, its options, and moving or removing it. */
export function PanelCard({
  panel,
  index,
  count,
  grid,
  problems,
  onMove,
  onRemove,
  onPlace,
  onOption,
}: PanelCardProps) {
  const title = PANEL_TITLE[panel.id];
  const own = problems.at(panelField(index)).concat(problems.at(panelField(index, 'id')));
  const options = wallPanelOptionSpecs(panel.id);
  return (
    <li
      className={`editor-panel${own.length ? ' is-invalid' : ''}`}
      data-testid={`editor-panel-${panel.id}`}
      data-panel={panel.id}
    >
      <div className="editor-panel-head">
        <h3>
          <span className="editor-panel-position">{index + 1}.</span> {title}
        </h3>
        <div className="editor-panel-actions">
          <button
            type="button"
            data-control="up"
            aria-label={`Move up: ${title}`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            Move up
          </button>
          <button
            type="button"
            data-control="down"
            aria-label={`Move down: ${title}`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            Move down
          </button>
          <button
            type="button"
            data-control="remove"
            className="danger"
            aria-label={`Remove: ${title}`}
            disabled={count === 1}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      </div>
      {own.length > 0 && <p className="editor-panel-problem">{own.join('; ')}</p>}
      <fieldset className="editor-fields">
        <legend>Place and size</legend>
        {PLACEMENT.map(({ key, label, grid: axis }) => (
          <NumberField
            key={key}
            label={label}
            value={panel[key]}
            min={1}
            max={grid[axis]}
            problems={problems.at(panelField(index, key))}
            onChange={(v) => onPlace(key, v ?? Number.NaN)}
          />
        ))}
      </fieldset>
      {options.length > 0 && (
        <fieldset className="editor-fields">
          <legend>Options</legend>
          {options.map(([key, spec]) => {
            const value = panel.options?.[key];
            return (
              <NumberField
                key={key}
                label={spec.label}
                value={typeof value === 'number' ? value : undefined}
                min={spec.min}
                max={spec.max}
                placeholder={`default ${spec.fallback}`}
                problems={problems.at(optionField(index, key))}
                onChange={(v) => onOption(key, v)}
              />
            );
          })}
        </fieldset>
      )}
    </li>
  );
}
