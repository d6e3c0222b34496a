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

export interface FaultPlan {
  mode: FaultMode;
  remaining: number;
}

export class FaultInjector {
  private readonly plans = new Map<string, FaultPlan[]>();

  schedule(endpoint: string, mode: FaultMode, times: number): void {
    if (times < 1) return;
    const list = this.plans.get(endpoint) ?? [];
    list.push({ mode, remaining: times });
    this.plans.set(endpoint, list);
  }

  /** The fault to apply to this request, if any (consumes one). */
  take(endpoint: string): FaultMode | undefined {
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

export function isFaultMode(value: unknown): value is FaultMode {
  return typeof value === 'string' && (FAULT_MODES as readonly string[]).includes(value);
}
