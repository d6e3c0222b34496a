import { PLATFORMS, type MentionView, type Platform } from '@lp/domain';

export type VolumeBucket = Record<Platform, number> & { start: number; label: string };

export interface VolumeOptions {
  hours: number;
  buckets: number;
}

function clockLabel(t: number): string {
  const d = new Date(t);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * Mentions per platform in equal buckets over the last `hours`, oldest bucket first. Buckets are
 * aligned to multiples of their size, so bars stay put between refreshes instead of sliding. One
 * pass from the newest mention, stopping at the range's start, comparing ISO strings.
 */
export function volumeByPlatform(
  mentions: readonly MentionView[],
  now: number,
  options: VolumeOptions,
): VolumeBucket[] {
  const size = Math.max(60_000, Math.round((options.hours * 3_600_000) / options.buckets / 60_000) * 60_000);
  const lastStart = Math.floor(now / size) * size;
  const count = Math.max(1, options.buckets);
  const out: VolumeBucket[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = lastStart - i * size;
    const bucket = { start, label: clockLabel(start) } as VolumeBucket;
    for (const p of PLATFORMS) bucket[p] = 0;
    out.push(bucket);
  }
  const starts = out.map((b) => new Date(b.start).toISOString());
  const end = new Date(lastStart + size).toISOString();
  let b = count - 1;
  for (const m of mentions) {
    if (m.postedAt >= end) continue;
    while (b >= 0 && m.postedAt < starts[b]!) b--;
    if (b < 0) break;
    out[b]![m.platform]++;
  }
  return out;
}
