/** Error modes a test or demo can switch on for the next N requests to an endpoint. */
export const FAULT_MODES = [
  'malformed-json',
  'missing-fields',
  'server-error',
  'rate-limit',
  'unauthorized',
  'forbidden',
  'slow',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/**
 * Modes switched on for the next N requests to an endpoint, first scheduled first served. Faults
 * use it, and so does any platform's list of legal-but-awkward behaviours (Facebook's quirks).
 */
export class ModeSchedule<M extends string> {
  private readonly plans = new Map<string, Array<{ mode: M; remaining: number }>>();

  schedule(endpoint: string, mode: M, times: number): void {
    if (times < 1) return;
    const list = this.plans.get(endpoint) ?? [];
    list.push({ mode, remaining: times });
    this.plans.set(endpoint, list);
  }

  /** The mode to apply to this request, if any (consumes one). */
  take(endpoint: string): M | undefined {
    const list = this.plans.get(endpoint);
    const plan = list?.[0];
    if (!list || !plan) return undefined;
    plan.remaining -= 1;
    if (plan.remaining <= 0) list.shift();
    return plan.mode;
  }

  clear(): void {
    this.plans.clear();
  }
}

export class FaultInjector extends ModeSchedule<FaultMode> {}

export function isFaultMode(value: unknown): value is FaultMode {
  return typeof value === 'string' && (FAULT_MODES as readonly string[]).includes(value);
}
