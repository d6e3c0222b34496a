import {
  canEditWallLayout,
  DEFAULT_WALL_LAYOUT,
  isWallLayoutName,
  validateWallLayout,
  wallOption,
  wallPanelOption,
  wallPanelOptionSpecs,
  type WallLayout,
} from './wall-layout';

const fieldsOf = (input: unknown) => {
  const check = validateWallLayout(input);
  return check.ok ? [] : check.errors.map((e) => e.field);
};

describe('validateWallLayout', () => {
  it('accepts the built-in default and returns a clean copy', () => {
    const check = validateWallLayout(DEFAULT_WALL_LAYOUT);
    expect(check).toEqual({ ok: true, layout: DEFAULT_WALL_LAYOUT });
  });

  it('names unknown panels, bad grid positions and overflows by field', () => {
    const layout = {
      columns: 4,
      rows: 2,
      panels: [
        { id: 'weather', column: 1, row: 1, width: 1, height: 1 },
        { id: 'stream', column: 0, row: 1, width: 1, height: 1 },
        { id: 'sla', column: 3, row: 1, width: 3, height: 1 },
        { id: 'alerts', column: 1, row: 2, width: 1, height: 2.5 },
      ],
    };
    expect(fieldsOf(layout)).toEqual([
      'layout.panels[0].id',
      'layout.panels[1].column',
      'layout.panels[2].width',
      'layout.panels[3].height',
    ]);
  });

  it('refuses overlapping and repeated panels, and unknown fields', () => {
    const layout = {
      columns: 4,
      rows: 4,
      theme: 'neon',
      panels: [
        { id: 'stream', column: 1, row: 1, width: 2, height: 2 },
        { id: 'sla', column: 2, row: 2, width: 2, height: 2 },
        { id: 'stream', column: 4, row: 4, width: 1, height: 1, colour: 'red' },
      ],
    };
    const check = validateWallLayout(layout);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual([
      { field: 'layout.theme', messages: ['unknown field theme'] },
      { field: 'layout.panels[2].colour', messages: ['unknown field colour'] },
      { field: 'layout.panels[2].id', messages: ['panel stream is placed twice'] },
      { field: 'layout.panels[1]', messages: ['overlaps panel stream'] },
    ]);
  });

  it('refuses a non-object, an empty panel list and bad options', () => {
    expect(fieldsOf('grid')).toEqual(['layout']);
    expect(fieldsOf({ columns: 2, rows: 2, panels: [] })).toEqual(['layout.panels']);
    expect(
      fieldsOf({
        columns: 2,
        rows: 2,
        panels: [{ id: 'urgent', column: 1, row: 1, width: 1, height: 1, options: { limit: { deep: 1 } } }],
      }),
    ).toEqual(['layout.panels[0].options.limit']);
  });

  it('keeps options of the allowed kinds', () => {
    const layout: WallLayout = {
      columns: 1,
      rows: 1,
      panels: [{ id: 'volume', column: 1, row: 1, width: 1, height: 1, options: { hours: 12, stacked: true } }],
    };
    expect(validateWallLayout(layout)).toEqual({ ok: true, layout });
  });
});

describe('known panel options', () => {
  const urgent = (options: Record<string, unknown>) => ({
    columns: 1,
    rows: 1,
    panels: [{ id: 'urgent', column: 1, row: 1, width: 1, height: 1, options }],
  });

  it('refuses a known option outside its bounds rather than let the panel fall back silently', () => {
    expect(fieldsOf(urgent({ limit: 21 }))).toEqual(['layout.panels[0].options.limit']);
    expect(fieldsOf(urgent({ limit: 0 }))).toEqual(['layout.panels[0].options.limit']);
    expect(fieldsOf(urgent({ limit: 2.5 }))).toEqual(['layout.panels[0].options.limit']);
    expect(fieldsOf(urgent({ limit: '6' }))).toEqual(['layout.panels[0].options.limit']);
    expect(fieldsOf(urgent({ limit: 20, colour: 'red' }))).toEqual([]);
  });

  it('reads each option from one catalogue, with its default', () => {
    expect(wallPanelOption('urgent', undefined, 'limit')).toBe(6);
    expect(wallPanelOption('volume', { hours: 12 }, 'hours')).toBe(12);
    expect(wallPanelOption('volume', { hours: 99 }, 'hours')).toBe(6);
    expect(wallPanelOptionSpecs('sentiment').map(([key]) => key)).toEqual(['windowMinutes', 'baselineHours']);
    expect(wallPanelOptionSpecs('sla')).toEqual([]);
  });

  it('lets managers and admins edit layouts', () => {
    expect(['agent', 'volunteer', 'manager', 'oncall', 'admin'].filter((r) => canEditWallLayout(r as never))).toEqual([
      'manager',
      'admin',
    ]);
  });
});

describe('wall layout names and options', () => {
  it('allows lower-case slugs only', () => {
    expect(isWallLayoutName('lobby-tv-2')).toBe(true);
    expect(isWallLayoutName('Lobby')).toBe(false);
    expect(isWallLayoutName('../etc')).toBe(false);
    expect(isWallLayoutName('')).toBe(false);
  });

  it('falls back when an option is missing or out of range', () => {
    expect(wallOption({ hours: 12 }, 'hours', 6, 1, 24)).toBe(12);
    expect(wallOption({ hours: 99 }, 'hours', 6, 1, 24)).toBe(6);
    expect(wallOption({ hours: 'x' }, 'hours', 6, 1, 24)).toBe(6);
    expect(wallOption(undefined, 'hours', 6, 1, 24)).toBe(6);
  });
});
