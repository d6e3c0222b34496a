import type { MentionView } from '@lp/domain';

export interface MentionStoreOptions {
  /** Most mentions kept in memory; the oldest fall off, so a wall screen runs for days. */
  capacity: number;
}

/** Newest posted first; jobs finish out of order, so the ingest sequence only breaks ties. */
function newerFirst(a: MentionView, b: MentionView): number {
  if (a.postedAt !== b.postedAt) return a.postedAt < b.postedAt ? 1 : -1;
  return b.seq - a.seq;
}

/** A change worth re-rendering: status, claim, tags or SLA moved. Metrics refreshes alone are not. */
function sameForScreens(a: MentionView, b: MentionView): boolean {
  return (
    a.status === b.status &&
    a.claim?.userId === b.claim?.userId &&
    a.claim?.expiresAt === b.claim?.expiresAt &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
    JSON.stringify(a.sla) === JSON.stringify(b.sla)
  );
}

/**
 * The browser's copy of recent mentions (100,000 and more), newest posted first. Events arrive at
 * least once and may repeat after a reconnect, so everything is keyed by id. Work is batched per
 * animation frame: the frame's new mentions are sorted among themselves and merged into the list
 * in one pass, and listeners are told once, however many events arrived.
 */
export class MentionStore {
  private byId = new Map<string, MentionView>();
  private ordered: MentionView[] = [];
  private pending = new Map<string, MentionView>();
  private listeners = new Set<() => void>();
  private frameRequested = false;
  private highestSeq = 0;

  constructor(private readonly options: MentionStoreOptions) {}

  get maxSeq(): number {
    return this.highestSeq;
  }

  get size(): number {
    return this.byId.size + [...this.pending.keys()].filter((id) => !this.byId.has(id)).length;
  }

  get(id: string): MentionView | undefined {
    return this.pending.get(id) ?? this.byId.get(id);
  }

  upsertMany(mentions: readonly MentionView[]): void {
    let changed = false;
    for (const mention of mentions) {
      const known = this.pending.get(mention.id) ?? this.byId.get(mention.id);
      if (known && sameForScreens(known, mention)) continue;
      this.pending.set(mention.id, mention);
      if (mention.seq > this.highestSeq) this.highestSeq = mention.seq;
      changed = true;
    }
    if (changed) this.scheduleFlush();
  }

  snapshot = (): readonly MentionView[] => this.ordered;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies what arrived since the last frame. Public so tests and benchmarks can flush without a frame. */
  flush(): void {
    this.frameRequested = false;
    if (this.pending.size === 0) return;
    const added: MentionView[] = [];
    let replaced = false;
    for (const mention of this.pending.values()) {
      if (this.byId.has(mention.id)) replaced = true;
      else added.push(mention);
      this.byId.set(mention.id, mention);
    }
    this.pending.clear();
    // An update keeps its place (postedAt never changes): swap the object in the list.
    const base = replaced ? this.ordered.map((m) => this.byId.get(m.id)!) : this.ordered;
    this.ordered = mergeSorted(base, added.sort(newerFirst));
    if (this.ordered.length > this.options.capacity) {
      for (const dropped of this.ordered.splice(this.options.capacity)) this.byId.delete(dropped.id);
    }
    for (const listener of this.listeners) listener();
  }

  private scheduleFlush(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    // Background tabs get no animation frames; fall back to a timer so they still catch up.
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') {
      requestAnimationFrame(() => this.flush());
    } else setTimeout(() => this.flush(), 100);
  }
}

/** Merges two lists sorted newest first; the common case (all new mentions are the newest) is one concat. */
function mergeSorted(list: readonly MentionView[], added: readonly MentionView[]): MentionView[] {
  if (added.length === 0) return list as MentionView[];
  if (list.length === 0 || newerFirst(added[added.length - 1]!, list[0]!) <= 0) return [...added, ...list];
  const out: MentionView[] = new Array<MentionView>(list.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < list.length && j < added.length)
    out[k++] = newerFirst(added[j]!, list[i]!) <= 0 ? added[j++]! : list[i++]!;
  while (i < list.length) out[k++] = list[i++]!;
  while (j < added.length) out[k++] = added[j++]!;
  return out;
}
