/**
 * Graph writes times as `2024-05-01T09:00:00+0000` (no colon in the offset), webhooks as Unix
 * seconds. `Date.parse` rejects the first form on some engines, so the offset is normalised first.
 */
export function parseGraphTime(value: string | number): Date | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value * 1000) : null;
  const normalised = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : new Date(ms);
}

export function graphTimeToIso(value: string | number): string {
  const date = parseGraphTime(value);
  if (!date) throw new RangeError(`not a Graph timestamp: ${String(value).slice(0, 40)}`);
  return date.toISOString();
}
