import express, { Router } from 'express';
import { isFaultMode, type FaultInjector } from './faults';
import type { Mood } from './chatter/phrasebook';
import { TEMPLATES } from './chatter/phrasebook';
import type { ChatterStream } from './chatter/chatter-stream';
import { isScenario, SCENARIOS } from './chatter/scenarios';

export interface ControlDeps {
  chatter: ChatterStream;
  faults: FaultInjector;
  reset: () => void;
  state: () => Record<string, unknown>;
}

const MAX_EMIT = 1_000_000;
/** X's `lang`: a BCP 47-ish tag (`es`, `pt-BR`, `zh-Hant`: 2 to 8 letters and hyphens), or `und`. */
const LANG_TAG = /^(?=.{2,8}$)[A-Za-z]+(?:-[A-Za-z]+)*$/;
const MAX_FOLLOWERS = 1_000_000_000;

/**
 * `/__sim/*`: how tests, the benchmark and the demo script the simulator. Not part of any
 * platform's API; the real connectors never call it.
 */
export function controlRouter(deps: ControlDeps): Router {
  const router = Router();
  router.use(express.json({ limit: '100kb' }));

  router.get('/__sim/state', (_req, res) => {
    res.json(deps.state());
  });

  router.post('/__sim/mentions', (req, res) => {
    const count = Number(req.body?.count ?? 1);
    const mood = req.body?.mood as unknown;
    if (!Number.isInteger(count) || count < 1 || count > MAX_EMIT) {
      return res.status(400).json({ field: 'count', message: `must be a whole number from 1 to ${MAX_EMIT}` });
    }
    if (mood !== undefined && (typeof mood !== 'string' || !(mood in TEMPLATES))) {
      return res.status(400).json({ field: 'mood', message: `must be one of ${Object.keys(TEMPLATES).join(', ')}` });
    }
    const text = req.body?.text as unknown;
    const authorName = req.body?.authorName as unknown;
    for (const [field, value] of [
      ['text', text],
      ['authorName', authorName],
    ] as const) {
      if (value !== undefined && (typeof value !== 'string' || value.length > 10_000)) {
        return res.status(400).json({ field, message: 'must be a string of at most 10000 characters' });
      }
    }
    const lang = req.body?.lang as unknown;
    if (lang !== undefined && (typeof lang !== 'string' || !LANG_TAG.test(lang))) {
      return res
        .status(400)
        .json({ field: 'lang', message: "must be a language tag of 2 to 8 letters and hyphens (e.g. 'es'), or 'und'" });
    }
    const followers = req.body?.followers as unknown;
    if (
      followers !== undefined &&
      (typeof followers !== 'number' || !Number.isInteger(followers) || followers < 0 || followers > MAX_FOLLOWERS)
    ) {
      return res.status(400).json({ field: 'followers', message: `must be a whole number from 0 to ${MAX_FOLLOWERS}` });
    }
    const verified = req.body?.verified as unknown;
    if (verified !== undefined && typeof verified !== 'boolean') {
      return res.status(400).json({ field: 'verified', message: 'must be true or false' });
    }
    const ids = deps.chatter.emit(count, mood as Mood | undefined, {
      text: text as string | undefined,
      lang,
      authorName: authorName as string | undefined,
      followers,
      verified,
    });
    res.status(201).json({ count: ids.length, firstId: ids[0], lastId: ids[ids.length - 1] });
  });

  router.put('/__sim/rate', (req, res) => {
    const perSecond = Number(req.body?.perSecond);
    if (!Number.isFinite(perSecond) || perSecond < 0 || perSecond > 100_000) {
      return res.status(400).json({ field: 'perSecond', message: 'must be a number from 0 to 100000' });
    }
    deps.chatter.setRate(perSecond);
    res.json({ perSecond });
  });

  router.post('/__sim/scenario', (req, res) => {
    const { name, seconds } = (req.body ?? {}) as { name?: unknown; seconds?: unknown };
    if (!isScenario(name))
      return res.status(400).json({ field: 'name', message: `must be one of ${SCENARIOS.join(', ')}` });
    const duration = Number(seconds ?? 120);
    if (!Number.isFinite(duration) || duration < 1 || duration > 86_400) {
      return res.status(400).json({ field: 'seconds', message: 'must be 1 to 86400' });
    }
    deps.chatter.startScenario(name, duration);
    res.status(201).json({ name, seconds: duration });
  });

  router.post('/__sim/faults', (req, res) => {
    const { endpoint, mode, times } = (req.body ?? {}) as { endpoint?: unknown; mode?: unknown; times?: unknown };
    if (typeof endpoint !== 'string' || endpoint === '')
      return res.status(400).json({ field: 'endpoint', message: 'required' });
    if (!isFaultMode(mode)) return res.status(400).json({ field: 'mode', message: 'unknown fault mode' });
    const n = Number(times ?? 1);
    if (!Number.isInteger(n) || n < 1 || n > 10_000)
      return res.status(400).json({ field: 'times', message: 'must be 1 to 10000' });
    deps.faults.schedule(endpoint, mode, n);
    res.status(201).json({ endpoint, mode, times: n });
  });

  router.post('/__sim/reset', (_req, res) => {
    deps.reset();
    res.status(204).end();
  });

  return router;
}
