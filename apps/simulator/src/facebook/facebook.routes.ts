import { Router } from 'express';
import type { FaultInjector } from '../faults';
import { facebookControlRouter } from './facebook-control.route';
import { FACEBOOK_SIM_PAGE_TOKEN, facebookGraphRouter } from './facebook-graph.route';
import { FacebookQuirks } from './facebook-quirks';
import type { FacebookStore } from './facebook-store';
import { GraphUsageMeter } from './graph-usage';

/** The Page id of the doc's webhook sample; control calls use it when they name none. */
export const FACEBOOK_SIM_PAGE_ID = '448000000000001';

export interface FacebookRouterDeps {
  /** Built by the app (`new FacebookStore(generator)`) so its global reset can clear it. */
  store: FacebookStore;
  /** Shared with the rest of the simulator, so `/__sim/faults` reaches `facebook.feed` and co. */
  faults: FaultInjector;
  quirks?: FacebookQuirks;
  usage?: GraphUsageMeter;
  /** Tokens the fake Graph accepts (default: `sim-page-token`); `expired-token` always gets 190/463. */
  acceptedTokens?: readonly string[];
  defaultPageId?: string;
  /** How long the `slow` fault stalls a response (default 20 s). */
  slowMs?: number;
}

/** The fake Facebook Graph API (`/vNN.N/...`) and its control endpoints (`/__sim/facebook/...`). */
export function facebookRouter(deps: FacebookRouterDeps): Router {
  const { store } = deps;
  const quirks = deps.quirks ?? new FacebookQuirks();
  const usage = deps.usage ?? new GraphUsageMeter();
  const router = Router();
  router.use(
    facebookControlRouter({
      store,
      quirks,
      defaultPageId: deps.defaultPageId ?? FACEBOOK_SIM_PAGE_ID,
      reset: () => {
        store.clear();
        quirks.clear();
        usage.reset();
      },
      state: () => ({ ...store.size, graphRequests: usage.count }),
    }),
  );
  router.use(
    facebookGraphRouter({
      store,
      faults: deps.faults,
      quirks,
      usage,
      acceptedTokens: new Set(deps.acceptedTokens ?? [FACEBOOK_SIM_PAGE_TOKEN]),
      slowMs: deps.slowMs ?? 20_000,
    }),
  );
  return router;
}

export {
  FACEBOOK_COMMENTS_ENDPOINT,
  FACEBOOK_FEED_ENDPOINT,
  FACEBOOK_REPLY_ENDPOINT,
  FACEBOOK_SIM_PAGE_TOKEN,
} from './facebook-graph.route';
export { FACEBOOK_QUIRKS, FacebookQuirks, type FacebookQuirk } from './facebook-quirks';
export { FacebookStore, type RecordedReply } from './facebook-store';
export { GraphUsageMeter } from './graph-usage';
