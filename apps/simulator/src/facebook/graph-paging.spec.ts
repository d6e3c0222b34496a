import { decodeCursor, encodeCursor, windowOf, type Listed } from './graph-paging';

const items: Listed[] = [
  { seq: 1, createdAt: 1_000 },
  { seq: 2, createdAt: 3_000 },
  { seq: 3, createdAt: 2_000 },
  { seq: 4, createdAt: 3_000 },
];
const seqs = (list: Listed[] | undefined) => list?.map((i) => i.seq);

describe('windowOf', () => {
  it('orders newest first with ties broken by sequence, and pages with after cursors', () => {
    const first = windowOf(items, { limit: 2, order: 'newest-first' })!;
    expect(seqs(first.items)).toEqual([4, 2]);
    expect(first.hasMore).toBe(true);
    const second = windowOf(items, { limit: 2, order: 'newest-first', after: first.after! })!;
    expect(seqs(second.items)).toEqual([3, 1]);
    expect(second.hasMore).toBe(false);
  });

  it('orders oldest first for comments', () => {
    expect(seqs(windowOf(items, { limit: 10, order: 'oldest-first' })!.items)).toEqual([1, 3, 2, 4]);
  });

  it('applies since (inclusive) and until (exclusive)', () => {
    expect(seqs(windowOf(items, { limit: 10, order: 'oldest-first', since: 2_000 })!.items)).toEqual([3, 2, 4]);
    expect(seqs(windowOf(items, { limit: 10, order: 'oldest-first', until: 3_000 })!.items)).toEqual([1, 3]);
  });

  it('points the next cursor one item back when asked to overlap', () => {
    const first = windowOf(items, { limit: 2, order: 'newest-first', overlapNext: true })!;
    const second = windowOf(items, { limit: 2, order: 'newest-first', after: first.after! })!;
    expect(seqs(second.items)).toEqual([2, 3]);
  });

  it('answers an empty window without cursors and rejects foreign cursors', () => {
    expect(windowOf([], { limit: 5, order: 'newest-first' })).toEqual({ items: [], hasMore: false });
    expect(windowOf(items, { limit: 5, order: 'newest-first', after: 'bm9wZQ' })).toBeUndefined();
  });

  it('round-trips cursors', () => {
    expect(decodeCursor(encodeCursor({ seq: 9, createdAt: 42 }))).toEqual({ t: 42, s: 9 });
    expect(decodeCursor('%%%')).toBeUndefined();
  });
});
