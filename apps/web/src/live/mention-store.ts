import type { MentionView } from '@lp/domain';

export interface MentionStoreOptions {
  /** Most mentions kept in memory; the oldest fall off, so a wall screen runs for days. */
  capacity: number;
}

/**
 * The browser's copy of recent mentions, newest posted first. Events arrive at least once and may
 * repeat after a reconnect, so everything is keyed by id. Listeners are told once per animation
 * frame however many events arrived, which keeps bursts from re-rendering hundreds of times.
 */
export class MentionStore {
  private byId = new Map<string, MentionView>();
  private ordered: MentionView[] = [];
  private listeners = new Set<() => void>();
  private frameRequested = false;
  private highestSeq = 0;

  constructor(private readonly options: MentionStoreOptions) {}

  get maxSeq(): number {
    return this.highestSeq;
  }

  get size(): number {
    return this.byId.size;
  }

  upsertMany(mentions: MentionView[]): void {
    let changed = false;
    for (const mention of mentions) {
      const known = this.byId.get(mention.id);
      if (known && known.status === mention.status && known.claim?.expiresAt === mention.claim?.expiresAt) continue;
      this.byId.set(mention.id, mention);
      if (mention.seq > this.highestSeq) this.highestSeq = mention.seq;
      changed = true;
    }
    if (!changed) return;
    // Newest posted first; jobs finish out of order, so ingest sequence only breaks ties.
    this.ordered = [...this.byId.values()].sort((a, b) =>
      a.postedAt === b.postedAt ? b.seq - a.seq : a.postedAt < b.postedAt ? 1 : -1,
    );
    if (this.ordered.length > this.options.capacity) {
      for (const dropped of this.ordered.splice(this.options.capacity)) this.byId.delete(dropped.id);
    }
    this.scheduleNotify();
  }

  snapshot = (): readonly MentionView[] => this.ordered;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private scheduleNotify(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    const notify = () => {
      this.frameRequested = false;
      for (const listener of this.listeners) listener();
    };
    // Background tabs get no animation frames; fall back to a timer so they still catch up.
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(notify);
    else setTimeout(notify, 100);
  }
}
