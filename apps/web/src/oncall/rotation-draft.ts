import type { OncallRotationView } from '@lp/domain';

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

/** An ISO instant as a datetime-local value in the browser's time zone, to the second. */
export function localInput(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())}` +
    `T${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`
  );
}

/** The form prefilled from a saved rotation (edit), or empty (add). */
export function draftFromRotation(rotation?: OncallRotationView): RotationDraft {
  if (!rotation) return EMPTY_ROTATION;
  return {
    name: rotation.name,
    primaryUserIds: [...rotation.primaryUserIds],
    secondaryUserIds: [...rotation.secondaryUserIds],
    managerUserId: rotation.managerUserId ?? '',
    shiftHours: String(rotation.shiftS / 3600),
    startsAt: localInput(rotation.startsAt),
  };
}

/**
 * `POST /api/oncall/rotations` or `PUT .../:id`. A start the browser cannot read is sent as typed, so
 * the server names it. On edit, an untouched start is sent exactly as saved: the input drops the
 * milliseconds, and even that shift would move who is on call at a boundary.
 */
export function rotationBody(
  d: RotationDraft,
  now = new Date(),
  original?: Pick<OncallRotationView, 'startsAt'>,
): Record<string, unknown> {
  const start = d.startsAt ? new Date(d.startsAt) : now;
  const untouched = original !== undefined && d.startsAt === localInput(original.startsAt);
  return {
    name: d.name,
    primaryUserIds: d.primaryUserIds,
    secondaryUserIds: d.secondaryUserIds,
    managerUserId: d.managerUserId || null,
    shiftS: Math.round(Number(d.shiftHours) * 3600),
    startsAt: untouched ? original.startsAt : Number.isNaN(start.getTime()) ? d.startsAt : start.toISOString(),
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
