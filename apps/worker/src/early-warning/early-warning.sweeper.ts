import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import {
  completeEarlyWarning,
  EARLY_WARNING_SETTINGS_KEY,
  type EarlyWarningSettings,
  type EscalationRuleView,
  type IncidentTrigger,
} from '@lp/domain';
import { EventPublisher, incidentEvent } from '@lp/events';
import {
  EscalationConfigRepository,
  IncidentRepository,
  SettingsRepository,
  SignalRepository,
  type SignalMention,
} from '@lp/persistence';
import { PollLock } from '../polling/poll-lock';
import { EscalationLadder } from '../escalation/escalation-ladder';
import { burstingTerms, detectSpike } from './spike-detector';
import { matchesMention } from './rule-matcher';

const CURSOR_KEY = 'early_warning.cursor';
const TICK_MS = 2_000;
const TEXT_SAMPLE = 2_000;

interface Cursor {
  seq: number;
  breachedAt: string;
}

/**
 * Every two seconds, one worker (a Redis lock elects it) scores the minute series and recent
 * phrases, groups what it finds into incidents, and runs escalation rules over mentions ingested
 * since the last tick. Incidents are also guarded in SQL (one unresolved incident per group), so
 * even two ticks at once open one incident.
 */
@Injectable()
export class EarlyWarningSweeper {
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
      await this.matchMentions(rules);
    } catch (error) {
      this.logger.error({ error: String(error) }, 'early warning tick failed');
    } finally {
      await held.release();
    }
  }

  private async detect(settings: EarlyWarningSettings, rules: EscalationRuleView[]): Promise<void> {
    const now = new Date();
    const since = new Date(now.getTime() - (settings.baselineMinutes + 1) * 60_000);
    const minutes = await this.signals.minuteVolumes(since, now);
    // The current (partial) and the last full minute are scored; the hour before them is the baseline.
    const scored = minutes.slice(-2);
    const history = minutes.slice(0, -2);
    const signals: Array<{ trigger: IncidentTrigger; details: Record<string, unknown> }> = [];
    for (const series of ['total', 'negative'] as const) {
      const value = Math.max(...scored.map((m) => m[series]));
      const result = detectSpike(
        history.map((m) => m[series]),
        value,
        settings,
      );
      if (result.spike) {
        signals.push({ trigger: series === 'total' ? 'volume' : 'negative', details: { series, ...result } });
      }
    }
    const recentSince = new Date(now.getTime() - settings.termWindowS * 1000);
    const [recent, baseline] = await Promise.all([
      this.signals.texts(recentSince, now, TEXT_SAMPLE),
      this.signals.texts(since, recentSince, TEXT_SAMPLE),
    ]);
    const baselineSpanS = Math.max(60, (recentSince.getTime() - since.getTime()) / 1000);
    const terms = burstingTerms(
      recent.map((r) => r.text),
      baseline.map((r) => r.text),
      settings.termWindowS,
      baseline.length < TEXT_SAMPLE ? baselineSpanS : baselineSpanS * (TEXT_SAMPLE / Math.max(baseline.length, 1)),
      { minCount: settings.termMinCount, ratio: settings.termRatio, limit: 5 },
    );
    if (terms.length) signals.push({ trigger: 'terms', details: { terms } });

    const volumeRules = rules.filter((r) => r.trigger.kind === 'volume');
    const lastMinute = Math.max(0, ...scored.map((m) => m.total));
    for (const rule of volumeRules) {
      if (rule.trigger.kind === 'volume' && lastMinute >= rule.trigger.perMinute) {
        await this.openForRule(rule, `Volume above ${rule.trigger.perMinute}/min`, [], { perMinute: lastMinute });
      }
    }
    if (signals.length === 0) return;

    const topic = await this.signals.dominantTopic(recentSince);
    const termList = terms.map((t) => t.term);
    const primary = signals[0]!;
    const existing = await this.incidents.findRelated(topic, termList, settings.groupWindowS);
    // The scored minutes cover the last two, so that is how long a resolved burst still shows.
    if (!existing && (await this.incidents.recentlyResolved(topic, termList, 150))) return;
    const groupKey = existing ? await this.incidents.groupKeyOf(existing) : `spike:${topic ?? termList[0] ?? 'volume'}`;
    const title = `Spike in ${topic ?? 'mentions'}${termList.length ? `: “${termList.slice(0, 3).join('”, “')}”` : ''}`;
    const { id, created } = await this.incidents.openOrJoin({
      groupKey: groupKey ?? `spike:${topic}`,
      title,
      severity: signals.some((s) => s.trigger === 'negative') ? 'critical' : 'error',
      trigger: primary.trigger,
      triggerDetails: { signals: signals.map((s) => ({ trigger: s.trigger, ...s.details })) },
      topic,
      terms: termList,
      policyId: null,
      ruleId: null,
    });
    const linked = await this.incidents.linkRecentMentions(id, recentSince, topic, termList);
    if (created) {
      this.logger.info(
        { incidentId: id, topic, terms: termList, signals: signals.map((s) => s.trigger) },
        'incident opened',
      );
      const rule = rules.find((r) => r.trigger.kind === 'incident');
      if (rule) await this.ladder.start(id, rule.policyId, rule.id);
    } else if (linked > 0) {
      await this.incidents.addTimeline(id, 'grew', null, { mentions: linked, signals: signals.map((s) => s.trigger) });
    }
    if (created || linked > 0) await this.announce(id, created);
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
        seq: fresh.length ? fresh[fresh.length - 1]!.seq : stored.seq,
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
    const { id, created } = await this.incidents.openOrJoin({
      groupKey: `rule:${rule.id}`,
      title,
      severity: rule.trigger.kind === 'urgency' || rule.trigger.kind === 'sla_breach' ? 'critical' : 'error',
      trigger: 'rule',
      triggerDetails: { ruleId: rule.id, rule: rule.name, kind: rule.trigger.kind, ...details },
      topic: mentions[0]?.topic ?? null,
      terms: [],
      policyId: null,
      ruleId: rule.id,
    });
    const linked = mentions.length
      ? await this.incidents.linkMentions(
          id,
          mentions.map((m) => m.id),
        )
      : 0;
    if (created) await this.ladder.start(id, rule.policyId, rule.id);
    if (created || linked > 0) await this.announce(id, created);
  }

  private async announce(id: string, created: boolean): Promise<void> {
    const view = await this.incidents.get(id);
    if (view) await this.events.publish([incidentEvent(created ? 'incident.created' : 'incident.updated', view)]);
  }
}
