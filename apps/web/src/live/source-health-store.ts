import type { SourceView } from '@lp/domain';

/** Latest view of each source, keyed by id; replaced wholesale on (re)connect, patched by events. */
export class SourceHealthStore {
  private byId = new Map<string, SourceView>();
  private ordered: SourceView[] = [];
  private listeners = new Set<() => void>();

  replaceAll(sources: SourceView[]): void {
    this.byId = new Map(sources.map((s) => [s.id, s]));
    this.publish();
  }

  upsert(source: SourceView): void {
    const known = this.byId.get(source.id);
    // Events can arrive out of order around a reconnect: keep the most recently updated view.
    if (known && known.updatedAt > source.updatedAt) return;
    this.byId.set(source.id, source);
    this.publish();
  }

  snapshot = (): readonly SourceView[] => this.ordered;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private publish(): void {
    this.ordered = [...this.byId.values()].sort(
      (a, b) => a.platform.localeCompare(b.platform) || a.name.localeCompare(b.name),
    );
    for (const listener of this.listeners) listener();
  }
}
