/** The ranges a manager picks from; `custom` takes the two dates they type. */
export const RANGE_PRESETS = [
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 3_600_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * 3_600_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * 3_600_000 },
] as const;
export type RangePresetId = (typeof RANGE_PRESETS)[number]['id'];
export type RangeChoice = { preset: RangePresetId } | { preset: 'custom'; from: string; to: string };

export interface TimeRange {
  from: Date;
  to: Date;
}

/**
 * The range a choice means at `now`. Custom dates come from `datetime-local` inputs (local time, no
 * zone); an unreadable or backwards pair is an error to show, not a request to send.
 */
export function resolveChoice(choice: RangeChoice, now: Date): TimeRange | { error: string } {
  if (choice.preset !== 'custom') {
    const preset = RANGE_PRESETS.find((p) => p.id === choice.preset)!;
    return { from: new Date(now.getTime() - preset.ms), to: now };
  }
  const from = new Date(choice.from);
  const to = new Date(choice.to);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return { error: 'Enter both dates.' };
  if (from >= to) return { error: 'The start must be before the end.' };
  return { from, to };
}

/** The query string every trends request carries. */
export function rangeQuery(range: TimeRange, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), ...extra }).toString();
}

/** A `datetime-local` value (local time, minutes) for a date: how the custom inputs start out. */
export function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
