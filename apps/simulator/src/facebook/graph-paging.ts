/** Anything listed by an edge: ordered by creation time, ties broken by insertion sequence. */
export interface Listed {
  seq: number;
  createdAt: number;
}

export interface WindowQuery {
  /** Inclusive lower bound, epoch ms (Graph's `since`). */
  since?: number;
  /** Exclusive upper bound, epoch ms (Graph's `until`). */
  until?: number;
  after?: string;
  limit: number;
  order: 'newest-first' | 'oldest-first';
  /** Quirk: the `after` cursor points one item back, so the next page repeats this page's last item. */
  overlapNext?: boolean;
}

export interface Window<T> {
  items: T[];
  before?: string;
  after?: string;
  hasMore: boolean;
}

interface Position {
  t: number;
  s: number;
}

/** Cursors are opaque to clients, as Graph's are; here they carry the position of an item. */
export function encodeCursor(item: Listed): string {
  return Buffer.from(JSON.stringify({ t: item.createdAt, s: item.seq })).toString('base64url');
}

export function decodeCursor(cursor: string): Position | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Position>;
    return Number.isInteger(value.t) && Number.isInteger(value.s) ? { t: value.t!, s: value.s! } : undefined;
  } catch {
    return undefined;
  }
}

/** Returns the window, or undefined when the `after` cursor is not one of ours. */
export function windowOf<T extends Listed>(all: readonly T[], query: WindowQuery): Window<T> | undefined {
  const sign = query.order === 'newest-first' ? -1 : 1;
  const compare = (a: Position, b: Position) => sign * (a.t - b.t || a.s - b.s);
  const position = query.after === undefined ? undefined : decodeCursor(query.after);
  if (query.after !== undefined && !position) return undefined;

  const matching = all
    .filter(
      (item) =>
        (query.since === undefined || item.createdAt >= query.since) &&
        (query.until === undefined || item.createdAt < query.until),
    )
    .sort((a, b) => compare({ t: a.createdAt, s: a.seq }, { t: b.createdAt, s: b.seq }));
  const rest = position
    ? matching.filter((item) => compare({ t: item.createdAt, s: item.seq }, position) > 0)
    : matching;
  const items = rest.slice(0, query.limit);
  const hasMore = rest.length > items.length;
  if (items.length === 0) return { items, hasMore: false };
  const last = query.overlapNext && items.length > 1 ? items[items.length - 2]! : items[items.length - 1]!;
  return { items, before: encodeCursor(items[0]!), after: encodeCursor(last), hasMore };
}
