import { admitPage, type StreamState, type WindowOptions } from './seen-window';

interface Item {
  id: string;
  at: string;
}
const item = (id: string, at: string): Item => ({ id, at });
const keyOf = (i: Item) => ({ id: i.id, at: Date.parse(i.at) });
const OPTIONS: WindowOptions = { overlapMs: 60_000, maxIds: 5, stopBelowFloor: true };

describe('admitPage', () => {
  it('admits everything on a first cycle and sets the watermark when it ends', () => {
    const page = admitPage(
      { recentIds: [] },
      [item('b', '2025-01-01T10:00:05Z'), item('a', '2025-01-01T10:00:00Z')],
      undefined,
      keyOf,
      OPTIONS,
    );
    expect(page.fresh.map((i) => i.id)).toEqual(['b', 'a']);
    expect(page.done).toBe(true);
    expect(page.next).toEqual({ since: '2025-01-01T10:00:05.000Z', recentIds: ['b', 'a'] });
  });

  it('skips ids already seen, admits new ones tied with the watermark, and stops below the floor', () => {
    const state: StreamState = { since: '2025-01-01T10:00:05.000Z', recentIds: ['b', 'a'] };
    const page = admitPage(
      state,
      [item('c', '2025-01-01T10:00:05Z'), item('b', '2025-01-01T10:00:05Z'), item('old', '2025-01-01T09:00:00Z')],
      'more',
      keyOf,
      OPTIONS,
    );
    expect(page.fresh.map((i) => i.id)).toEqual(['c']);
    expect(page.done).toBe(true);
    expect(page.next.recentIds).toEqual(['c', 'b', 'a']);
  });

  it('keeps a cycle pending with its page token, newest time and its ids ahead of older cycles', () => {
    const start: StreamState = { since: '2025-01-01T09:00:00.000Z', recentIds: ['x', 'y'] };
    const p1 = admitPage(
      start,
      [item('e', '2025-01-01T10:00:09Z'), item('d', '2025-01-01T10:00:08Z')],
      't1',
      keyOf,
      OPTIONS,
    );
    expect(p1.done).toBe(false);
    expect(p1.next).toEqual({
      since: '2025-01-01T09:00:00.000Z',
      recentIds: ['e', 'd', 'x', 'y'],
      pending: { pageToken: 't1', newest: '2025-01-01T10:00:09.000Z', fresh: 2 },
    });
    const p2 = admitPage(
      p1.next,
      [item('c', '2025-01-01T10:00:07Z'), item('b', '2025-01-01T10:00:06Z')],
      undefined,
      keyOf,
      OPTIONS,
    );
    // Bounded at five: the oldest cycle's ids go first.
    expect(p2.next).toEqual({ since: '2025-01-01T10:00:09.000Z', recentIds: ['e', 'd', 'c', 'b', 'x'] });
  });

  it('keeps paging when told not to stop below the floor (search filters by time itself)', () => {
    const page = admitPage(
      { since: '2025-01-01T10:00:00.000Z', recentIds: [] },
      [item('old', '2025-01-01T08:00:00Z')],
      'next',
      keyOf,
      { ...OPTIONS, stopBelowFloor: false },
    );
    expect(page.fresh).toEqual([]);
    expect(page.done).toBe(false);
  });
});
