import { WALL_GRID_MAX, WALL_PANEL_IDS, type WallLayout, type WallPanelId, type WallPanelPlacement } from '@lp/domain';

/**
 * Edits of a draft layout, as pure functions: each returns a new layout and leaves the old one
 * alone (undo-free, but the page can compare the draft with what it started from).
 */

export type PlacementKey = 'column' | 'row' | 'width' | 'height';

const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] =>
  items.map((existing, i) => (i === index ? item : existing));

/**
 * Moves a panel one step up or down the list, and swaps its cells with the neighbour's: on a grid
 * of explicit placements, a new list order alone would change nothing the room can see, while
 * swapping two rectangles can never push a panel off the grid or onto another.
 */
export function movePanel(layout: WallLayout, index: number, delta: -1 | 1): WallLayout {
  const other = index + delta;
  const a = layout.panels[index];
  const b = layout.panels[other];
  if (!a || !b) return layout;
  const panels = [...layout.panels];
  panels[other] = { ...a, column: b.column, row: b.row, width: b.width, height: b.height };
  panels[index] = { ...b, column: a.column, row: a.row, width: a.width, height: a.height };
  return { ...layout, panels };
}

export function removePanel(layout: WallLayout, index: number): WallLayout {
  return { ...layout, panels: layout.panels.filter((_, i) => i !== index) };
}

/** Kinds not on the layout yet (a kind is placed at most once). */
export function unplacedKinds(layout: WallLayout): WallPanelId[] {
  const placed = new Set(layout.panels.map((p) => p.id));
  return WALL_PANEL_IDS.filter((id) => !placed.has(id));
}

function covered(layout: WallLayout, column: number, row: number): boolean {
  return layout.panels.some(
    (p) => column >= p.column && column < p.column + p.width && row >= p.row && row < p.row + p.height,
  );
}

/**
 * Adds a panel in the first free cell, reading row by row. A full grid grows by a row for it; at
 * the largest grid it goes on top of the first cell and validation says so.
 */
export function addPanel(layout: WallLayout, id: WallPanelId): WallLayout {
  for (let row = 1; row <= layout.rows; row++) {
    for (let column = 1; column <= layout.columns; column++) {
      if (!covered(layout, column, row))
        return { ...layout, panels: [...layout.panels, { id, column, row, width: 1, height: 1 }] };
    }
  }
  if (layout.rows < WALL_GRID_MAX) {
    const row = layout.rows + 1;
    return {
      ...layout,
      rows: row,
      panels: [...layout.panels, { id, column: 1, row, width: layout.columns, height: 1 }],
    };
  }
  return { ...layout, panels: [...layout.panels, { id, column: 1, row: 1, width: 1, height: 1 }] };
}

/** NaN while a number input is empty: validation names it, and the input shows it empty. */
export function placePanel(layout: WallLayout, index: number, key: PlacementKey, value: number): WallLayout {
  const panel = layout.panels[index];
  if (!panel) return layout;
  return { ...layout, panels: replaceAt(layout.panels, index, { ...panel, [key]: value }) };
}

/** `undefined` removes the option (the panel's default applies); options the editor does not know are kept. */
export function setPanelOption(layout: WallLayout, index: number, key: string, value: number | undefined): WallLayout {
  const panel = layout.panels[index];
  if (!panel) return layout;
  const { [key]: _old, ...rest } = panel.options ?? {};
  const options = value === undefined ? rest : { ...rest, [key]: value };
  const next: WallPanelPlacement = { ...panel, options };
  if (Object.keys(options).length === 0) delete next.options;
  return { ...layout, panels: replaceAt(layout.panels, index, next) };
}

export function resizeGrid(layout: WallLayout, key: 'columns' | 'rows', value: number): WallLayout {
  return { ...layout, [key]: value };
}

/** Whether saving would change anything (key order inside options does not count). */
export function sameLayout(a: WallLayout, b: WallLayout): boolean {
  return canonical(a) === canonical(b);
}

function canonical(layout: WallLayout): string {
  return JSON.stringify({
    columns: layout.columns,
    rows: layout.rows,
    panels: layout.panels.map((p) => ({
      id: p.id,
      column: p.column,
      row: p.row,
      width: p.width,
      height: p.height,
      options: Object.entries(p.options ?? {}).sort(([x], [y]) => x.localeCompare(y)),
    })),
  });
}
