import type { TrendBucket } from '@lp/domain';

/** Axis labels that fit the bucket: times for minutes and hours, dates for days. UTC, like the buckets. */
export function bucketLabel(iso: string, bucket: TrendBucket): string {
  const d = new Date(iso);
  const time = d.toISOString().slice(11, 16);
  const date = d.toISOString().slice(5, 10);
  switch (bucket) {
    case 'minute':
      return time;
    case 'hour':
      return time === '00:00' ? date : time;
    case 'day':
      return date;
  }
}

/** Seconds as people say them: 45 s, 12 min, 3.5 h. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return '–';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 8640) / 10} d`;
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
