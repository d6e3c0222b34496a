/**
 * YouTube quotas reset at midnight Pacific time (docs/platform-apis.md §3.3). These helpers derive the
 * Pacific calendar day and its next midnight through Intl, so daylight saving needs no hand-kept table.
 */
const TIME_ZONE = 'America/Los_Angeles';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(at: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds Pacific local time is ahead of UTC at `at` (negative: -8 h in winter, -7 h in summer). */
function offsetMs(at: Date): number {
  const p = localParts(at);
  const localAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return localAsUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The Pacific calendar day of `at`, as `YYYY-MM-DD`. */
export function pacificDay(at: Date): string {
  const p = localParts(at);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant the next Pacific day starts (when the daily quota resets). */
export function nextPacificMidnight(at: Date): Date {
  const p = localParts(at);
  const midnightAsUtc = Date.UTC(p.year, p.month - 1, p.day + 1);
  // Pacific DST switches at 02:00, so midnight always exists once; the offset at a first guess
  // can still differ from the offset at midnight, hence the second pass.
  let guess = midnightAsUtc - offsetMs(at);
  guess = midnightAsUtc - offsetMs(new Date(guess));
  return new Date(guess);
}
