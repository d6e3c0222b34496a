import type { Role } from './user';

/**
 * Wall layouts are data, not code: a grid and the panels placed on it, saved per screen name and
 * versioned. The api validates them with `validateWallLayout`; the wall renders them.
 */
export const WALL_PANEL_IDS = ['urgent', 'stream', 'sentiment', 'volume', 'alerts', 'sla', 'coverage'] as const;
export type WallPanelId = (typeof WALL_PANEL_IDS)[number];

export function isWallPanelId(value: unknown): value is WallPanelId {
  return typeof value === 'string' && (WALL_PANEL_IDS as readonly string[]).includes(value);
}

/** A panel's own settings (e.g. `limit`, `hours`); each panel reads the keys it knows and defaults the rest. */
export type WallPanelOptions = Record<string, string | number | boolean>;

/** Where a panel sits: 1-based column and row of its top-left cell, and how many cells it spans. */
export interface WallPanelPlacement {
  id: WallPanelId;
  column: number;
  row: number;
  width: number;
  height: number;
  options?: WallPanelOptions;
}

export interface WallLayout {
  columns: number;
  rows: number;
  panels: WallPanelPlacement[];
}

/**
 * The options each panel reads, with their bounds and defaults: the wall's panels, the editor's
 * inputs and the api's validation all take them from here, so they cannot disagree.
 */
export interface WallPanelOptionSpec {
  label: string;
  min: number;
  max: number;
  fallback: number;
}

export const WALL_PANEL_OPTIONS = {
  urgent: { limit: { label: 'Mentions listed', min: 1, max: 20, fallback: 6 } },
  stream: { limit: { label: 'Newest mentions kept', min: 10, max: 2_000, fallback: 300 } },
  sentiment: {
    windowMinutes: { label: 'Window (minutes)', min: 1, max: 240, fallback: 15 },
    baselineHours: { label: 'Compared with the hours before', min: 1, max: 48, fallback: 3 },
  },
  volume: { hours: { label: 'Hours shown', min: 1, max: 48, fallback: 6 } },
  alerts: { max: { label: 'Alerts shown at most', min: 1, max: 20, fallback: 5 } },
  sla: {},
  coverage: {},
} as const satisfies Record<WallPanelId, Record<string, WallPanelOptionSpec>>;

export type WallPanelOptionKey<K extends WallPanelId> = keyof (typeof WALL_PANEL_OPTIONS)[K] & string;

/** The known options of a panel kind, in the order an editor shows them. */
export function wallPanelOptionSpecs(id: WallPanelId): Array<[key: string, spec: WallPanelOptionSpec]> {
  return Object.entries(WALL_PANEL_OPTIONS[id] as Record<string, WallPanelOptionSpec>);
}

/** A panel's option as it will be used: the saved value when within bounds, otherwise the default. */
export function wallPanelOption<K extends WallPanelId>(
  id: K,
  options: WallPanelOptions | undefined,
  key: WallPanelOptionKey<K>,
): number {
  const spec = (WALL_PANEL_OPTIONS[id] as Record<string, WallPanelOptionSpec>)[key]!;
  return wallOption(options, key, spec.fallback, spec.min, spec.max);
}

/** Who may save layouts (admins may do everything); the api's PUT enforces the same. */
export const WALL_LAYOUT_EDITOR_ROLES: readonly Role[] = ['manager', 'admin'];

export function canEditWallLayout(role: Role): boolean {
  return WALL_LAYOUT_EDITOR_ROLES.includes(role);
}

/** The realtime payload of a save: which screen, which version. Kiosks refetch rather than trust a copy. */
export interface WallLayoutChange {
  name: string;
  version: number;
}

/**
 * The 409 of a save whose `baseVersion` is no longer the latest: someone saved in between. It
 * carries the latest, so an editor can show who saved it without asking again.
 */
export interface WallLayoutConflict {
  statusCode: 409;
  error: 'Conflict';
  message: string;
  field: 'baseVersion';
  latest: WallLayoutView;
}

/** A layout as the api returns it. Version 0 with `builtIn` is the default nobody has saved yet. */
export interface WallLayoutView {
  name: string;
  version: number;
  layout: WallLayout;
  builtIn: boolean;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string | null;
}

export const WALL_LAYOUT_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const WALL_GRID_MAX = 24;
const MAX_OPTIONS = 16;
const MAX_OPTION_KEY = 40;
const MAX_OPTION_STRING = 200;

/**
 * A 12 x 6 grid for a 16:9 screen: alerts across the top, the queue and the stream as two tall
 * columns, the numbers on the right.
 */
export const DEFAULT_WALL_LAYOUT: WallLayout = {
  columns: 12,
  rows: 6,
  panels: [
    { id: 'alerts', column: 1, row: 1, width: 8, height: 1 },
    { id: 'urgent', column: 1, row: 2, width: 4, height: 5, options: { limit: 6 } },
    { id: 'stream', column: 5, row: 2, width: 4, height: 5 },
    { id: 'sla', column: 9, row: 1, width: 4, height: 2 },
    { id: 'sentiment', column: 9, row: 3, width: 2, height: 2, options: { windowMinutes: 15, baselineHours: 3 } },
    { id: 'coverage', column: 11, row: 3, width: 2, height: 2 },
    { id: 'volume', column: 9, row: 5, width: 4, height: 2, options: { hours: 6 } },
  ],
};

export interface WallLayoutFieldError {
  field: string;
  messages: string[];
}

export type WallLayoutCheck = { ok: true; layout: WallLayout } | { ok: false; errors: WallLayoutFieldError[] };

export function isWallLayoutName(value: string): boolean {
  return WALL_LAYOUT_NAME_PATTERN.test(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;

/**
 * Checks a layout sent by an editor and returns a clean copy (only known fields), or every problem
 * by field path (`panels[2].width`), so a 400 can say exactly what to fix.
 */
export function validateWallLayout(input: unknown): WallLayoutCheck {
  const errors: WallLayoutFieldError[] = [];
  const fail = (field: string, message: string) => {
    const known = errors.find((e) => e.field === field);
    if (known) known.messages.push(message);
    else errors.push({ field, messages: [message] });
  };
  if (!isObject(input)) return { ok: false, errors: [{ field: 'layout', messages: ['layout must be an object'] }] };
  for (const key of Object.keys(input)) {
    if (!['columns', 'rows', 'panels'].includes(key)) fail(`layout.${key}`, `unknown field ${key}`);
  }
  const { columns, rows, panels } = input;
  if (!isCount(columns, WALL_GRID_MAX))
    fail('layout.columns', `columns must be a whole number from 1 to ${WALL_GRID_MAX}`);
  if (!isCount(rows, WALL_GRID_MAX)) fail('layout.rows', `rows must be a whole number from 1 to ${WALL_GRID_MAX}`);
  if (!Array.isArray(panels) || panels.length === 0) {
    fail('layout.panels', 'panels must be a non-empty list');
    return { ok: false, errors };
  }
  if (panels.length > WALL_PANEL_IDS.length) fail('layout.panels', `at most ${WALL_PANEL_IDS.length} panels`);

  const clean: WallPanelPlacement[] = [];
  const indexOf = new Map<WallPanelPlacement, number>();
  const seen = new Set<string>();
  panels.forEach((panel: unknown, i) => {
    const at = `layout.panels[${i}]`;
    if (!isObject(panel)) return fail(at, 'each panel must be an object');
    for (const key of Object.keys(panel)) {
      if (!['id', 'column', 'row', 'width', 'height', 'options'].includes(key))
        fail(`${at}.${key}`, `unknown field ${key}`);
    }
    const { id, column, row, width, height, options } = panel;
    if (!isWallPanelId(id)) fail(`${at}.id`, `id must be one of ${WALL_PANEL_IDS.join(', ')}`);
    else if (seen.has(id)) fail(`${at}.id`, `panel ${id} is placed twice`);
    else seen.add(id);
    const place = { column, row, width, height };
    for (const [key, value] of Object.entries(place)) {
      if (!isCount(value, WALL_GRID_MAX))
        fail(`${at}.${key}`, `${key} must be a whole number from 1 to ${WALL_GRID_MAX}`);
    }
    if (isCount(columns, WALL_GRID_MAX) && isCount(column, WALL_GRID_MAX) && isCount(width, WALL_GRID_MAX)) {
      if (column + width - 1 > columns)
        fail(`${at}.width`, `column ${column} + width ${width} overflows ${columns} columns`);
    }
    if (isCount(rows, WALL_GRID_MAX) && isCount(row, WALL_GRID_MAX) && isCount(height, WALL_GRID_MAX)) {
      if (row + height - 1 > rows) fail(`${at}.height`, `row ${row} + height ${height} overflows ${rows} rows`);
    }
    const cleanOptions = checkOptions(options, `${at}.options`, fail);
    if (cleanOptions && isWallPanelId(id)) checkKnownOptions(id, cleanOptions, `${at}.options`, fail);
    if (isWallPanelId(id) && [column, row, width, height].every((v) => isCount(v, WALL_GRID_MAX))) {
      const placement: WallPanelPlacement = {
        id,
        column: column as number,
        row: row as number,
        width: width as number,
        height: height as number,
        ...(cleanOptions ? { options: cleanOptions } : {}),
      };
      clean.push(placement);
      indexOf.set(placement, i);
    }
  });

  // Two panels on one cell would hide each other: name the later one.
  for (let a = 0; a < clean.length; a++) {
    for (let b = 0; b < a; b++) {
      if (overlaps(clean[a]!, clean[b]!))
        fail(`layout.panels[${indexOf.get(clean[a]!)}]`, `overlaps panel ${clean[b]!.id}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, layout: { columns: columns as number, rows: rows as number, panels: clean } };
}

function checkOptions(
  options: unknown,
  at: string,
  fail: (field: string, message: string) => void,
): WallPanelOptions | undefined {
  if (options === undefined) return undefined;
  if (!isObject(options)) {
    fail(at, 'options must be an object');
    return undefined;
  }
  const entries = Object.entries(options);
  if (entries.length > MAX_OPTIONS) fail(at, `at most ${MAX_OPTIONS} options`);
  const out: WallPanelOptions = {};
  for (const [key, value] of entries) {
    if (key.length > MAX_OPTION_KEY) fail(`${at}.${key.slice(0, MAX_OPTION_KEY)}`, 'option name too long');
    else if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
    else if (typeof value === 'boolean') out[key] = value;
    else if (typeof value === 'string' && value.length <= MAX_OPTION_STRING) out[key] = value;
    else
      fail(`${at}.${key}`, `an option is a number, a boolean or a string of at most ${MAX_OPTION_STRING} characters`);
  }
  return out;
}

/**
 * A known option out of its bounds would silently fall back to the default on the wall: refuse it
 * instead. Keys a panel does not know are kept for newer builds.
 */
function checkKnownOptions(
  id: WallPanelId,
  options: WallPanelOptions,
  at: string,
  fail: (field: string, message: string) => void,
): void {
  for (const [key, spec] of wallPanelOptionSpecs(id)) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || (value as number) < spec.min || (value as number) > spec.max)
      fail(`${at}.${key}`, `${key} must be a whole number from ${spec.min} to ${spec.max}`);
  }
}

function overlaps(a: WallPanelPlacement, b: WallPanelPlacement): boolean {
  return (
    a.column < b.column + b.width &&
    b.column < a.column + a.width &&
    a.row < b.row + b.height &&
    b.row < a.row + a.height
  );
}

/** A numeric option within bounds, or the fallback: a typo in a saved layout must not break a panel. */
export function wallOption(
  options: WallPanelOptions | undefined,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = options?.[key];
  return typeof value === 'number' && value >= min && value <= max ? value : fallback;
}
