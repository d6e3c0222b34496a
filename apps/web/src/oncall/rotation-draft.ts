/** The rotation form as typed; people are ids, in turn order. */
export interface RotationDraft {
  name: string;
  primaryUserIds: string[];
  secondaryUserIds: string[];
  /** '' for none. */
  managerUserId: string;
  shiftHours: string;
  /** A datetime-local value; '' for now. */
  startsAt: string;
}

export const EMPTY_ROTATION: RotationDraft = {
  name: '',
  primaryUserIds: [],
  secondaryUserIds: [],
  managerUserId: '',
  shiftHours: '8',
  startsAt: '',
};

/** `POST /api/oncall/rotations`. A start the browser cannot read is sent as typed, so the server names it. */
export function rotationBody(d: RotationDraft, now = new Date()): Record<string, unknown> {
  const start = d.startsAt ? new Date(d.startsAt) : now;
  return {
    name: d.name,
    primaryUserIds: d.primaryUserIds,
    secondaryUserIds: d.secondaryUserIds,
    managerUserId: d.managerUserId || null,
    shiftS: Math.round(Number(d.shiftHours) * 3600),
    startsAt: Number.isNaN(start.getTime()) ? d.startsAt : start.toISOString(),
  };
}

export type RotationErrors = Partial<Record<keyof RotationDraft | 'form', string>>;

const FIELDS: Record<string, keyof RotationDraft> = {
  name: 'name',
  primaryUserIds: 'primaryUserIds',
  secondaryUserIds: 'secondaryUserIds',
  managerUserId: 'managerUserId',
  shiftS: 'shiftHours',
  startsAt: 'startsAt',
};

/** Server fields (`primaryUserIds.1`, `shiftS`) as the form's inputs. */
export function rotationErrors(reasons: Record<string, string>): RotationErrors {
  const out: RotationErrors = {};
  for (const [field, reason] of Object.entries(reasons)) {
    const target = FIELDS[field.split('.')[0]!] ?? 'form';
    out[target] = out[target] ? `${out[target]}; ${reason}` : reason;
  }
  return out;
}
