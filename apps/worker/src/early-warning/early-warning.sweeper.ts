import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import {
  completeEarlyWarning,
  EARLY_WARNING_SETTINGS_KEY,
  type EarlyWarningSettings,
  type EscalationRuleView,
} from '@lp/domain';
import { EventPublisher, incidentEvent } from '@lp/events';
import {
  EscalationConfigRepository,
  IncidentRepository,
  SettingsRepository,
  SignalRepository,
  type KeyingMention,
  type KeyMinute,
  type NewIncident,
  type SignalMention,
} from '@lp/persistence';
import { PollLock } from '../polling/poll-lock';
import { EscalationLadder } from '../escalation/escalation-ladder';
import { hasHistory, judgeMinute } from './spike-detector';
import { groupKeyOf, incidentKeyOf, incidentTitle, keyId, ProductMatcher, type IncidentKey } from './incident-key';
import { matchesMention } from './rule-matcher';

const CURSOR_KEY = 'early_warning.cursor';
const TICK_MS = 2_000;
const MINUTE_MS = 60_000;
/** Mentions keyed per tick; a backlog is worked through a batch a tick. */
const KEY_BATCH = 5_000;
/** Mentions read to link when an incident opens. */
const LINK_SAMPLE = 5_000;
/** An incident opening links its key's mentions posted from this long before the spiking minute. */
const LINK_LEAD_MS = 2 * MINUTE_MS;
const CRITICAL_SYMPTOMS = new Set(['safety', 'security', 'outage', 'data loss']);
/** Per-key counts are kept two days (history for a judged minute is at most a day back). */
const KEEP_KEY_MINUTES_MS = 2 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 10 * MINUTE_MS;

interface Cursor {
  seq: number;
  breachedAt: string;
}

const minuteOf = (d: Date) => Math.floor(d.getTime() / MINUTE_MS) * MINUTE_MS;

/** The highest seq of some mentions, or `floor` (a cursor only moves forward). */
export function maxSeq(mentions: ReadonlyArray<{ seq: number }>, floor: number): number {
  return mentions.reduce((max, m) => (m.seq > max ? m.seq : max), floor);
}

/**
 * Every two seconds, one worker (a Redis lock elects it) keys the mentions ingested since the last
 * tick by (product, symptom), adds them to per-minute counts by posting time, lets open incidents
 * absorb the new mentions of their key, and judges the posted minutes that changed against their
 * key's history: a spike opens one incident about that product and symptom. It also runs
 * escalation rules over the new mentions. Incidents are guarded in SQL (one unresolved incident per
 * group), so even two ticks at once open one incident.
 */
@Injectable()
export class EarlyWarningSweeper {
  private lastPrune = 0;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly signals: SignalRepository,
    private readonly incidents: IncidentRepository,
    private readonly escalation: EscalationConfigRepository,
    private readonly ladder: EscalationLadder,
    private readonly lock: PollLock,
    private readonly events: EventPublisher,
    @InjectPinoLogger(EarlyWarningSweeper.name) private readonly logger: PinoLogger,
  ) {}

  @Interval(TICK_MS)
  async tick(): Promise<void> {
    const held = await this.lock.acquire('early-warning', TICK_MS * 5).catch(() => undefined);
    if (!held) return;
    try {
      const settings = completeEarlyWarning((await this.settings.get(EARLY_WARNING_SETTINGS_KEY))?.value);
      const rules = await this.escalation.listRules(true);
      if (settings.enabled) await this.detect(settings, rules);
      await this.volumeRules(rules);
      await this.matchMentions(rules);
    } catch (error) {
      this.logger.error({ error: String(error) }, 'early warning tick failed');
    } finally {
      await held.release();
    }
  }

  private async detect(settings: EarlyWarningSettings, rules: EscalationRuleView[]): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune > PRUNE_EVERY_MS) {
      await this.signals.pruneKeyMinutes(new Date(now - KEEP_KEY_MINUTES_MS));
      this.lastPrune = now;
    }
    const state =
      (await this.signals.keyCountState()) ??
      (await this.signals.restartKeyCounts(
        new Date(now - (settings.baselineMinutes + settings.judgeBackMinutes + 1) * MINUTE_MS),
      ));
    const fresh = await this.signals.keyingMentionsAfter(state.seq, KEY_BATCH);
    if (fresh.length === 0) return;

    const products = new ProductMatcher(settings.products);
    const keyed = new Map<string, { key: IncidentKey; mentions: KeyingMention[] }>();
    const counts = new Map<string, KeyMinute>();
    // Posted minutes that changed and are recent enough to open an incident (older ones are history only).
    const judgeFrom = minuteOf(new Date(now)) - settings.judgeBackMinutes * MINUTE_MS;
    const judgeTo = now + MINUTE_MS;
    const touched = new Map<string, { key: IncidentKey; minutes: Set<number> }>();
    for (const mention of fresh) {
      const key = incidentKeyOf(mention, products, settings.brand);
      if (!key) continue;
      const id = keyId(key);
      const entry = keyed.get(id) ?? { key, mentions: [] };
      entry.mentions.push(mention);
      keyed.set(id, entry);
      const minute = minuteOf(mention.postedAt);
      const bucket = `${id}\u0000${minute}`;
      const count = counts.get(bucket) ?? { ...key, minute: new Date(minute), mentions: 0 };
      count.mentions += 1;
      counts.set(bucket, count);
      if (minute >= judgeFrom && minute <= judgeTo) {
        const t = touched.get(id) ?? { key, minutes: new Set<number>() };
        t.minutes.add(minute);
        touched.set(id, t);
      }
    }
    const judged = [...touched.values()].reduce((n, t) => n + t.minutes.size, 0);
    // The highest seq read, not the last row's: the cursor must never step back over counted mentions.
    const next = { seq: maxSeq(fresh, state.seq), judged: state.judged + judged };
    if (!(await this.signals.recordKeyCounts(state, next, [...counts.values()]))) return;

    // An open incident absorbs the new mentions of its key, and nothing else.
    const open = new Map((await this.incidents.openKeyIncidents()).map((i) => [keyId(i), i]));
    for (const [id, incident] of open) {
      const mentions = keyed.get(id)?.mentions ?? [];
      if (mentions.length)
        await this.absorb(
          incident.id,
          mentions.map((m) => m.id),
          { mentions: mentions.length },
        );
    }

    const incidentRule = rules.find((r) => r.trigger.kind === 'incident');
    for (const spike of await this.spikes(
      [...touched.values()].filter((t) => !open.has(keyId(t.key))),
      settings,
    )) {
      const { key, minute, result } = spike;
      const groupKey = groupKeyOf(key);
      const resolvedAt = await this.incidents.lastResolvedAt(groupKey);
      // Someone resolved the incident that covered this burst: only a later minute may reopen it.
      if (resolvedAt && resolvedAt.getTime() >= minute) continue;
      const related = await this.signals.unlinkedPostedSince(new Date(minute - LINK_LEAD_MS), LINK_SAMPLE);
      const mentionIds = related
        .filter((m) => {
          const k = incidentKeyOf(m, products, settings.brand);
          return k !== null && keyId(k) === keyId(key);
        })
        .map((m) => m.id);
      const details = {
        product: key.product,
        symptom: key.symptom,
        minute: new Date(minute).toISOString(),
        value: result.value,
        baseline: result.baseline,
        scale: result.scale,
        z: result.z,
        baselineMinutes: settings.baselineMinutes,
      };
      await this.raise(
        {
          groupKey,
          title: incidentTitle(key),
          severity: CRITICAL_SYMPTOMS.has(key.symptom) ? 'critical' : 'error',
          trigger: 'volume',
          triggerDetails: details,
          topic: key.symptom,
          terms: [],
          product: key.product,
          symptom: key.symptom,
          policyId: null,
          ruleId: null,
        },
        mentionIds,
        incidentRule ? { policyId: incidentRule.policyId, ruleId: incidentRule.id } : undefined,
        details,
      );
    }
  }

  /**
   * The touched minutes that spike, at most one per key (its earliest), oldest first. A minute is
   * judged only with history behind it (see hasHistory) and at `minCount` or more.
   */
  private async spikes(
    touched: Array<{ key: IncidentKey; minutes: Set<number> }>,
    settings: EarlyWarningSettings,
  ): Promise<Array<{ key: IncidentKey; minute: number; result: ReturnType<typeof judgeMinute> }>> {
    const buckets = touched.flatMap((t) => [...t.minutes].map((m) => ({ ...t.key, minute: new Date(m) })));
    const large = (await this.signals.keyBuckets(buckets)).filter((b) => b.mentions >= settings.minCount);
    if (large.length === 0) return [];
    const firstPosted = new Map<number, number | null>();
    const out: Array<{ key: IncidentKey; minute: number; result: ReturnType<typeof judgeMinute> }> = [];
    const byKey = new Map<string, { key: IncidentKey; minutes: number[] }>();
    for (const b of large) {
      const entry = byKey.get(keyId(b)) ?? { key: { product: b.product, symptom: b.symptom }, minutes: [] };
      entry.minutes.push(b.minute.getTime());
      byKey.set(keyId(b), entry);
    }
    for (const { key, minutes } of byKey.values()) {
      minutes.sort((a, b) => a - b);
      const from = minutes[0]! - settings.baselineMinutes * MINUTE_MS;
      const series = await this.signals.keyMinutes([key], new Date(from), new Date(minutes[minutes.length - 1]!));
      const counts = new Map(series.map((s) => [s.minute.getTime(), s.mentions]));
      for (const minute of minutes) {
        if (!firstPosted.has(minute)) {
          const lookBack = Math.max(settings.baselineMinutes, settings.minHistoryMinutes) * MINUTE_MS;
          const first = await this.signals.firstPostedMinute(new Date(minute - lookBack), new Date(minute));
          firstPosted.set(minute, first ? first.getTime() : null);
        }
        if (!hasHistory(firstPosted.get(minute)!, minute, settings.minHistoryMinutes)) continue;
        const result = judgeMinute(counts, minute, settings.baselineMinutes, settings);
        if (result.spike) {
          out.push({ key, minute, result });
          break;
        }
      }
    }
    return out.sort((a, b) => a.minute - b.minute);
  }

  /** A user's volume rules: total mentions per posted minute (current or last) at or above the rule's figure. */
  private async volumeRules(rules: EscalationRuleView[]): Promise<void> {
    const volumeRules = rules.filter((r) => r.trigger.kind === 'volume');
    if (volumeRules.length === 0) return;
    const now = new Date();
    const minutes = await this.signals.minuteVolumes(new Date(now.getTime() - MINUTE_MS), now);
    const lastMinute = Math.max(0, ...minutes.map((m) => m.total));
    for (const rule of volumeRules) {
      if (rule.trigger.kind === 'volume' && lastMinute >= rule.trigger.perMinute) {
        await this.openForRule(rule, `Volume above ${rule.trigger.perMinute}/min`, [], { perMinute: lastMinute });
      }
    }
  }

  /** Mention rules (urgency, VIP, keyword, SLA breach): one incident per rule while unresolved, however many mentions match. */
  private async matchMentions(rules: EscalationRuleView[]): Promise<void> {
    const mentionRules = rules.filter((r) => r.trigger.kind !== 'incident' && r.trigger.kind !== 'volume');
    const stored = (await this.settings.get<Cursor>(CURSOR_KEY))?.value;
    const now = new Date();
    if (!stored) {
      // First run: start from now rather than paging for history.
      await this.settings.put<Cursor>(
        CURSOR_KEY,
        { seq: await this.signals.latestSeq(), breachedAt: now.toISOString() },
        null,
      );
      return;
    }
    if (mentionRules.length === 0) {
      await this.settings.put<Cursor>(
        CURSOR_KEY,
        { seq: await this.signals.latestSeq(), breachedAt: now.toISOString() },
        null,
      );
      return;
    }
    const fresh = await this.signals.mentionsAfter(stored.seq, 1_000);
    const breached = await this.signals.breachedBetween(new Date(stored.breachedAt), now, 1_000);
    for (const rule of mentionRules) {
      const pool = rule.trigger.kind === 'sla_breach' ? breached : fresh;
      const matched = pool.filter((m) => matchesMention(rule.trigger, m));
      if (matched.length) await this.openForRule(rule, `${rule.name}`, matched, { mentions: matched.length });
    }
    await this.settings.put<Cursor>(
      CURSOR_KEY,
      {
        seq: maxSeq(fresh, stored.seq),
        breachedAt: breached.length === 1_000 ? stored.breachedAt : now.toISOString(),
      },
      null,
    );
  }

  private async openForRule(
    rule: EscalationRuleView,
    title: string,
    mentions: SignalMention[],
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.raise(
      {
        groupKey: `rule:${rule.id}`,
        title,
        severity: rule.trigger.kind === 'urgency' || rule.trigger.kind === 'sla_breach' ? 'critical' : 'error',
        trigger: 'rule',
        triggerDetails: { ruleId: rule.id, rule: rule.name, kind: rule.trigger.kind, ...details },
        topic: mentions[0]?.topic ?? null,
        terms: [],
        policyId: null,
        ruleId: rule.id,
      },
      mentions.map((m) => m.id),
      { policyId: rule.policyId, ruleId: rule.id },
      details,
    );
  }

  /**
   * The one way the sweeper opens or joins an incident: opens it (or joins the unresolved one of its
   * group), links the mentions, starts the ladder when it opened it, and announces the change.
   */
  private async raise(
    input: NewIncident,
    mentionIds: string[],
    ladder: { policyId: string; ruleId: string } | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    const { id, created } = await this.incidents.openOrJoin(input);
    if (!created) {
      await this.absorb(id, mentionIds, details);
      return;
    }
    if (mentionIds.length) await this.incidents.linkMentions(id, mentionIds);
    this.logger.info(
      { incidentId: id, title: input.title, trigger: input.trigger, mentions: mentionIds.length },
      'incident opened',
    );
    if (ladder) await this.ladder.start(id, ladder.policyId, ladder.ruleId);
    await this.announce(id, true);
  }

  /** Links mentions to an unresolved incident; when any was new to it, says so on its timeline and screens. */
  private async absorb(id: string, mentionIds: string[], details: Record<string, unknown>): Promise<void> {
    const linked = mentionIds.length ? await this.incidents.linkMentions(id, mentionIds) : 0;
    if (linked === 0) return;
    await this.incidents.addTimeline(id, 'grew', null, { ...details, mentions: linked });
    await this.announce(id, false);
  }

  private async announce(id: string, created: boolean): Promise<void> {
    const view = await this.incidents.get(id);
    if (view) await this.events.publish([incidentEvent(created ? 'incident.created' : 'incident.updated', view)]);
  }
}
