import type { MentionView } from '@lp/domain';
import { MentionStore } from './mention-store';

let seq = 0;
function mention(id: string, postedAt: string, patch: Partial<MentionView> = {}): MentionView {
  return {
    id,
    seq: ++seq,
    postedAt,
    status: 'new',
    claim: null,
    tags: [],
    sla: null,
    ...patch,
  } as MentionView;
}
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute)).toISOString();

describe('MentionStore', () => {
  it('keeps mentions newest posted first, whatever order they arrive in, and drops repeats', () => {
    const store = new MentionStore({ capacity: 10 });
    store.upsertMany([mention('b', at(2)), mention('a', at(1))]);
    store.flush();
    store.upsertMany([mention('d', at(4)), mention('c', at(3)), mention('a0', at(0))]);
    store.upsertMany([mention('b', at(2))]);
    store.flush();
    expect(store.snapshot().map((m) => m.id)).toEqual(['d', 'c', 'b', 'a', 'a0']);
    expect(store.size).toBe(5);
  });

  it('tells listeners once per flush, and not at all for a repeat that changes nothing', () => {
    const store = new MentionStore({ capacity: 10 });
    const calls: number[] = [];
    store.subscribe(() => calls.push(store.snapshot().length));
    store.upsertMany([mention('a', at(1))]);
    store.upsertMany([mention('b', at(2))]);
    store.flush();
    const same = store.snapshot()[0]!;
    store.upsertMany([{ ...same }]);
    store.flush();
    expect(calls).toEqual([2]);
  });

  it('applies a status change in place and returns a new list for React', () => {
    const store = new MentionStore({ capacity: 10 });
    store.upsertMany([mention('a', at(1)), mention('b', at(2))]);
    store.flush();
    const before = store.snapshot();
    store.upsertMany([{ ...before[1]!, status: 'claimed', claim: { userId: 'u', name: 'Sam', expiresAt: at(9) } }]);
    store.flush();
    expect(store.snapshot()).not.toBe(before);
    expect(store.snapshot().map((m) => [m.id, m.status])).toEqual([
      ['b', 'new'],
      ['a', 'claimed'],
    ]);
    expect(store.get('a')?.claim?.name).toBe('Sam');
  });

  it('forgets the oldest beyond its capacity, and holds 100,000 mentions', () => {
    const store = new MentionStore({ capacity: 100_000 });
    const base = Date.UTC(2026, 0, 1);
    for (let batch = 0; batch < 11; batch++) {
      store.upsertMany(
        Array.from({ length: 10_000 }, (_, i) =>
          mention(`m${batch}-${i}`, new Date(base + (batch * 10_000 + i) * 1000).toISOString()),
        ),
      );
      store.flush();
    }
    expect(store.snapshot()).toHaveLength(100_000);
    expect(store.get('m0-0')).toBeUndefined();
    expect(store.snapshot()[0]!.id).toBe('m10-9999');
    expect(store.maxSeq).toBe(seq);
  });
});
