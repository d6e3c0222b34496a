import { DEFAULT_WALL_LAYOUT, validateWallLayout, WALL_GRID_MAX, type WallLayout } from '@lp/domain';
import {
  addPanel,
  movePanel,
  placePanel,
  removePanel,
  sameLayout,
  setPanelOption,
  unplacedKinds,
} from './layout-draft';

const three: WallLayout = {
  columns: 3,
  rows: 2,
  panels: [
    { id: 'stream', column: 1, row: 1, width: 2, height: 2 },
    { id: 'sla', column: 3, row: 1, width: 1, height: 1 },
    { id: 'coverage', column: 3, row: 2, width: 1, height: 1, options: { note: 'kept' } },
  ],
};

describe('movePanel', () => {
  it('swaps list order and cells with the neighbour, options staying with their panel', () => {
    const moved = movePanel(three, 2, -1);
    expect(moved.panels).toEqual([
      { id: 'stream', column: 1, row: 1, width: 2, height: 2 },
      { id: 'coverage', column: 3, row: 1, width: 1, height: 1, options: { note: 'kept' } },
      { id: 'sla', column: 3, row: 2, width: 1, height: 1 },
    ]);
    expect(three.panels[2]!.id).toBe('coverage');
  });

  it('keeps a valid layout valid, whatever the sizes swapped', () => {
    let layout = DEFAULT_WALL_LAYOUT;
    for (let i = layout.panels.length - 1; i > 0; i--) layout = movePanel(layout, i, -1);
    expect(layout.panels[0]!.id).toBe('volume');
    expect(validateWallLayout(layout).ok).toBe(true);
  });

  it('does nothing past either end', () => {
    expect(movePanel(three, 0, -1)).toBe(three);
    expect(movePanel(three, 2, 1)).toBe(three);
  });
});

describe('adding and removing panels', () => {
  it('removes by position and offers the kind again', () => {
    const removed = removePanel(three, 1);
    expect(removed.panels.map((p) => p.id)).toEqual(['stream', 'coverage']);
    expect(unplacedKinds(removed)).toContain('sla');
    expect(unplacedKinds(three)).not.toContain('sla');
  });

  it('puts a new panel in the first free cell, reading row by row', () => {
    const added = addPanel(removePanel(three, 1), 'alerts');
    expect(added.panels.at(-1)).toEqual({ id: 'alerts', column: 3, row: 1, width: 1, height: 1 });
    expect(validateWallLayout(added).ok).toBe(true);
  });

  it('grows a full grid by a row for it, across the whole width', () => {
    const added = addPanel(three, 'alerts');
    expect(added.rows).toBe(3);
    expect(added.panels.at(-1)).toEqual({ id: 'alerts', column: 1, row: 3, width: 3, height: 1 });
    expect(validateWallLayout(added).ok).toBe(true);
  });

  it('at the largest grid, places it anyway and lets validation name the overlap', () => {
    const full: WallLayout = {
      columns: 1,
      rows: WALL_GRID_MAX,
      panels: [{ id: 'stream', column: 1, row: 1, width: 1, height: WALL_GRID_MAX }],
    };
    const check = validateWallLayout(addPanel(full, 'sla'));
    expect(check.ok ? [] : check.errors.map((e) => e.field)).toEqual(['layout.panels[1]']);
  });
});

describe('placement and options', () => {
  it('changes one number of one panel', () => {
    const wider = placePanel(three, 1, 'row', 2);
    expect(wider.panels[1]).toEqual({ id: 'sla', column: 3, row: 2, width: 1, height: 1 });
    expect(validateWallLayout(wider).ok).toBe(false);
  });

  it('sets and clears an option, keeping options the editor does not know', () => {
    const set = setPanelOption(three, 2, 'limit', 4);
    expect(set.panels[2]!.options).toEqual({ note: 'kept', limit: 4 });
    expect(setPanelOption(set, 2, 'limit', undefined).panels[2]!.options).toEqual({ note: 'kept' });
    expect(setPanelOption(three, 1, 'limit', undefined).panels[1]).not.toHaveProperty('options');
  });

  it('compares layouts by content, not by option order', () => {
    const a = setPanelOption(setPanelOption(three, 0, 'a', 1), 0, 'b', 2);
    const b = setPanelOption(setPanelOption(three, 0, 'b', 2), 0, 'a', 1);
    expect(sameLayout(a, b)).toBe(true);
    expect(sameLayout(a, three)).toBe(false);
  });
});
