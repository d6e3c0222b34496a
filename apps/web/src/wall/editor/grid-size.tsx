import { WALL_GRID_MAX, type WallLayout } from '@lp/domain';
import { resizeGrid } from './layout-draft';
import { gridField, type LayoutProblems } from './layout-problems';
import { NumberField } from './number-field';

/** The grid the panels are placed on: columns across and rows down, each cell the same size. */
export function GridSize({
  draft,
  problems,
  edit,
}: {
  draft: WallLayout;
  problems: LayoutProblems;
  edit: (change: (d: WallLayout) => WallLayout) => void;
}) {
  return (
    <fieldset className="editor-fields editor-grid-size">
      <legend>Grid</legend>
      {(['columns', 'rows'] as const).map((key) => (
        <NumberField
          key={key}
          label={key === 'columns' ? 'Columns' : 'Rows'}
          value={draft[key]}
          min={1}
          max={WALL_GRID_MAX}
          problems={problems.at(gridField(key))}
          onChange={(v) => edit((d) => resizeGrid(d, key, v ?? Number.NaN))}
        />
      ))}
    </fieldset>
  );
}
