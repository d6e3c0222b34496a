import { PollCycleState, readFacebookCursor } from './facebook-cursor';
import { parseGraphTime } from './facebook-time';

const LIMITS = { overlapMs: 10 * 60_000, initialLookbackMs: 24 * 3_600_000, maxSeen: 3, maxWatched: 2 };
const NOW = new Date('2025-03-01T12:00:00Z');
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('readFacebookCursor', () => {
  it('starts empty from nothing or from garbage, keeping the parts that parse', () => {
    expect(readFacebookCursor({})).toEqual({ seen: [], watch: [] });
    expect(readFacebookCursor(null)).toEqual({ seen: [], watch: [] });
    expect(readFacebookCursor({ newest: 'soon', seen: 'x', pending: 5, watch: [{ id: '' }] })).toEqual({
      seen: [],
      watch: [],
    });
    expect(readFacebookCursor({ newest: '2025-03-01T11:00:00.000Z', seen: ['a'] })).toEqual({
      newest: '2025-03-01T11:00:00.000Z',
      seen: ['a'],
      watch: [],
    });
  });
});

describe('PollCycleState', () => {
  it('pages from the lookback first, then from the newest post minus the overlap, or from a pending since', () => {
    expect(new PollCycleState({ seen: [], watch: [] }, LIMITS, NOW).since).toBe(seconds('2025-02-28T12:00:00Z'));
    const next = new PollCycleState({ newest: '2025-03-01T11:00:00.000Z', seen: [], watch: [] }, LIMITS, NOW);
    expect(next.since).toBe(seconds('2025-03-01T10:50:00Z'));
    const pending = { since: 123, newest: '2025-03-01T11:30:00.000Z' };
    expect(new PollCycleState({ pending, seen: [], watch: [] }, LIMITS, NOW).since).toBe(123);
  });

  it('keeps the window pinned while a cycle runs and moves it once the cycle finishes', () => {
    const state = new PollCycleState({ newest: '2025-03-01T11:00:00.000Z', seen: [], watch: [] }, LIMITS, NOW);
    state.noteTime('2025-03-01T11:40:00.000Z');
    expect(state.pendingCursor()).toMatchObject({
      newest: '2025-03-01T11:00:00.000Z',
      pending: { since: seconds('2025-03-01T10:50:00Z'), newest: '2025-03-01T11:40:00.000Z' },
    });
    expect(state.finishedCursor().newest).toBe('2025-03-01T11:40:00.000Z');
    expect(state.finishedCursor().pending).toBeUndefined();
  });

  it('remembers a bounded number of ids, forgetting the oldest', () => {
    const state = new PollCycleState({ seen: ['a', 'b'], watch: [] }, LIMITS, NOW);
    expect(state.firstSight('a')).toBe(false);
    expect(['c', 'd'].map((id) => state.firstSight(id))).toEqual([true, true]);
    expect(state.finishedCursor().seen).toEqual(['b', 'c', 'd']);
    expect(state.firstSight('a')).toBe(true);
  });

  it('watches the most recent posts only', () => {
    const state = new PollCycleState({ seen: [], watch: [] }, LIMITS, NOW);
    state.watch('old', '2025-03-01T09:00:00.000Z');
    state.watch('new', '2025-03-01T11:00:00.000Z');
    state.watch('mid', '2025-03-01T10:00:00.000Z');
    expect(state.watchedPosts()).toEqual(['new', 'mid']);
    state.forget('new');
    expect(state.watchedPosts()).toEqual(['mid', 'old']);
  });
});

describe('parseGraphTime', () => {
  it.each([
    ['2024-05-01T09:00:00+0000', '2024-05-01T09:00:00.000Z'],
    ['2024-05-01T11:00:00+0200', '2024-05-01T09:00:00.000Z'],
    ['2024-05-01T09:00:00+00:00', '2024-05-01T09:00:00.000Z'],
    ['2024-05-01T09:00:00Z', '2024-05-01T09:00:00.000Z'],
    [1714554000, '2024-05-01T09:00:00.000Z'],
  ])('reads %p', (input, iso) => {
    expect(parseGraphTime(input)?.toISOString()).toBe(iso);
  });

  it.each([['yesterday'], [''], [Number.NaN]])('rejects %p', (input) => {
    expect(parseGraphTime(input)).toBeNull();
  });
});
