/**
 * A small external store for useSyncExternalStore: values by key, a new snapshot object on every
 * change, listeners told synchronously. For the low-rate streams (replies, presence).
 */
export class KeyedStore<V> {
  private values = new Map<string, V>();
  private snap: ReadonlyMap<string, V> = new Map();
  private listeners = new Set<() => void>();

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  set(key: string, value: V): void {
    this.values.set(key, value);
    this.publish();
  }

  update(key: string, change: (current: V | undefined) => V): void {
    this.set(key, change(this.values.get(key)));
  }

  snapshot = (): ReadonlyMap<string, V> => this.snap;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private publish(): void {
    this.snap = new Map(this.values);
    for (const listener of this.listeners) listener();
  }
}
