/**
 * Legal-but-awkward Graph behaviours the connector must survive. They are not faults (the answer
 * is valid), so they live beside the shared FaultInjector rather than in its list of modes.
 */
export const FACEBOOK_QUIRKS = [
  /** An empty `data` array that still carries `paging.next` (the docs warn this happens). */
  'empty-page',
  /** The next page starts with this page's last item again. */
  'duplicate-page',
] as const;
export type FacebookQuirk = (typeof FACEBOOK_QUIRKS)[number];

export function isFacebookQuirk(value: unknown): value is FacebookQuirk {
  return typeof value === 'string' && (FACEBOOK_QUIRKS as readonly string[]).includes(value);
}

export class FacebookQuirks {
  private readonly plans = new Map<string, Array<{ quirk: FacebookQuirk; remaining: number }>>();

  schedule(endpoint: string, quirk: FacebookQuirk, times: number): void {
    if (times < 1) return;
    const list = this.plans.get(endpoint) ?? [];
    list.push({ quirk, remaining: times });
    this.plans.set(endpoint, list);
  }

  /** The quirk for this request, if any (consumes one). */
  take(endpoint: string): FacebookQuirk | undefined {
    const list = this.plans.get(endpoint);
    const plan = list?.[0];
    if (!list || !plan) return undefined;
    plan.remaining -= 1;
    if (plan.remaining <= 0) list.shift();
    return plan.quirk;
  }

  clear(): void {
    this.plans.clear();
  }
}
