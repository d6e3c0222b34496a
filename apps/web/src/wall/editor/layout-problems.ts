import {
  validateWallLayout,
  wallPanelOptionSpecs,
  type WallLayout,
  type WallLayoutFieldError,
  type WallPanelId,
} from '@lp/domain';
import { PANEL_TITLE } from '../panel-titles';

/** What is wrong with a draft, by field path as the api names it (`layout.panels[1].width`). */
export class LayoutProblems {
  private readonly byField = new Map<string, string[]>();

  constructor(readonly errors: readonly WallLayoutFieldError[]) {
    for (const e of errors) this.byField.set(e.field, [...(this.byField.get(e.field) ?? []), ...e.messages]);
  }

  get count(): number {
    return this.errors.length;
  }

  at(field: string): readonly string[] {
    return this.byField.get(field) ?? NONE;
  }
}

const NONE: readonly string[] = [];

/** The draft's own problems (the same rules the api applies), plus what the api said about this very draft. */
export function problemsOf(draft: WallLayout, fromServer: readonly WallLayoutFieldError[] = []): LayoutProblems {
  const check = validateWallLayout(draft);
  const local = check.ok ? [] : check.errors;
  const seen = new Set(local.map((e) => `${e.field}\n${e.messages.join('\n')}`));
  return new LayoutProblems([...local, ...fromServer.filter((e) => !seen.has(`${e.field}\n${e.messages.join('\n')}`))]);
}

export const gridField = (key: 'columns' | 'rows') => `layout.${key}`;
export const panelField = (index: number, key?: string) => `layout.panels[${index}]${key ? `.${key}` : ''}`;
export const optionField = (index: number, key: string) => `layout.panels[${index}].options.${key}`;

const PLACEMENT_LABEL: Record<string, string> = { column: 'column', row: 'row', width: 'width', height: 'height' };

/** A field path as a manager reads it: "Live stream, width" rather than `layout.panels[1].width`. */
export function describeField(field: string, draft: WallLayout): string {
  if (field === 'layout.columns') return 'Grid columns';
  if (field === 'layout.rows') return 'Grid rows';
  if (field === 'layout.panels') return 'Panels';
  const match = /^layout\.panels\[(\d+)\](?:\.(options)\.)?\.?(.*)$/.exec(field);
  if (!match) return field;
  const panel = draft.panels[Number(match[1])];
  const title = panel ? PANEL_TITLE[panel.id as WallPanelId] : `Panel ${Number(match[1]) + 1}`;
  const rest = match[3] ?? '';
  if (!rest) return title;
  if (match[2] && panel) {
    const spec = wallPanelOptionSpecs(panel.id).find(([key]) => key === rest);
    return `${title}, ${spec ? spec[1].label : rest}`;
  }
  return `${title}, ${PLACEMENT_LABEL[rest] ?? rest}`;
}
