/** A count per bucket and key, as the aggregate reads return them. */
export interface KeyedCount<K extends string> {
  bucket: Date;
  key: K;
  n: number;
}

export type PivotRow<K extends string> = { bucket: string; total: number } & Record<K, number>;

/**
 * One row per bucket start, oldest first, with a column per key and a total: buckets and keys with
 * no rows are zeros, so a chart draws a gap as zero instead of joining its neighbours. Keys the
 * caller did not ask for (a status added later) still count in the total.
 */
export function pivot<K extends string>(
  starts: readonly Date[],
  counts: ReadonlyArray<KeyedCount<K>>,
  keys: readonly K[],
): Array<PivotRow<K>> {
  const rows = new Map<number, PivotRow<K>>();
  for (const start of starts) {
    const row = { bucket: start.toISOString(), total: 0 } as PivotRow<K>;
    for (const key of keys) (row as Record<string, number | string>)[key] = 0;
    rows.set(start.getTime(), row);
  }
  for (const { bucket, key, n } of counts) {
    const row = rows.get(bucket.getTime());
    if (!row) continue;
    if (keys.includes(key)) (row as Record<string, number>)[key] += n;
    row.total += n;
  }
  return [...rows.values()];
}
