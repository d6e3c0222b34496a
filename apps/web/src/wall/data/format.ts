import type { Platform } from '@lp/domain';

export const PLATFORM_LABEL: Record<Platform, string> = {
  x: 'X',
  facebook: 'Facebook',
  youtube: 'YouTube',
  feed: 'Web',
};

/** "45s", "4m", "2h 5m", "3d 4h": short enough to read across a room. */
export function shortDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) {
    const m = Math.floor((s % 3600) / 60);
    return m ? `${Math.floor(s / 3600)}h ${m}m` : `${Math.floor(s / 3600)}h`;
  }
  const h = Math.floor((s % 86_400) / 3600);
  return h ? `${Math.floor(s / 86_400)}d ${h}h` : `${Math.floor(s / 86_400)}d`;
}

/** Seconds from an ISO time to `now`, never negative (clocks drift a little between machines). */
export function secondsSince(iso: string, now: number): number {
  return Math.max(0, (now - Date.parse(iso)) / 1000);
}
