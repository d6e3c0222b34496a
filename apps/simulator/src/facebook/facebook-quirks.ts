import { ModeSchedule } from '../faults';

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

export class FacebookQuirks extends ModeSchedule<FacebookQuirk> {}
