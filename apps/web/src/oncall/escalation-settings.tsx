import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  CHANNEL_KINDS,
  ESCALATION_TRIGGER_KINDS,
  URGENCY_LEVELS,
  type ChannelView,
  type EarlyWarningSettings,
  type EscalationPolicyView,
  type EscalationRuleView,
  type OncallRotationView,
} from '@lp/domain';
import { useLive } from '../live/live-data';
import { oncallApi } from './oncall-api';

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function triggerLabel(rule: EscalationRuleView): string {
  const t = rule.trigger;
  switch (t.kind) {
    case 'urgency':
      return `urgency ${t.level}+`;
    case 'vip':
      return `author with ${t.minFollowers}+ followers`;
    case 'keyword':
      return `keywords ${t.keywords.join(', ')}`;
    case 'volume':
      return `${t.perMinute}+ mentions a minute`;
    case 'incident':
      return 'incident detected';
    case 'sla_breach':
      return 'SLA breach';
  }
}

/**
 * What managers edit: detector thresholds, rules, ladders, channels and rotations. Everyone sees
 * them; the server refuses edits from other roles (403) and names bad fields (400).
 */
export function EscalationSettings({ canEdit }: { canEdit: boolean }) {
  const { session } = useLive();
  const [thresholds, setThresholds] = useState<EarlyWarningSettings | null>(null);
  const [rules, setRules] = useState<EscalationRuleView[]>([]);
  const [policies, setPolicies] = useState<EscalationPolicyView[]>([]);
  const [channels, setChannels] = useState<ChannelView[]>([]);
  const [rotations, setRotations] = useState<OncallRotationView[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    void Promise.all([
      oncallApi.earlyWarning(session),
      oncallApi.rules(session),
      oncallApi.policies(session),
      oncallApi.channels(session),
      oncallApi.rotations(session),
    ]).then(
      ([t, r, p, c, ro]) => {
        setThresholds(t);
        setRules(r);
        setPolicies(p);
        setChannels(c);
        setRotations(ro);
      },
      (e: Error) => setMessage(e.message),
    );
  }, [session]);
  useEffect(load, [load]);

  const run = (action: Promise<unknown>, done: string) =>
    void action.then(
      () => {
        setMessage(done);
        load();
      },
      (e: Error) => setMessage(e.message),
    );

  const saveThresholds = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const num = (k: string) => Number(f.get(k));
    run(
      oncallApi.saveEarlyWarning(session, {
        enabled: f.get('enabled') === 'on',
        baselineMinutes: num('baselineMinutes'),
        zThreshold: num('zThreshold'),
        minCount: num('minCount'),
        termWindowS: num('termWindowS'),
        termMinCount: num('termMinCount'),
        termRatio: num('termRatio'),
        groupWindowS: num('groupWindowS'),
      }),
      'Thresholds saved',
    );
  };

  const addRule = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const kind = String(f.get('kind'));
    const value = String(f.get('value') ?? '');
    const trigger: Record<string, unknown> = { kind };
    if (kind === 'urgency') trigger.level = value || 'critical';
    if (kind === 'vip') trigger.minFollowers = Number(value);
    if (kind === 'keyword') trigger.keywords = list(value);
    if (kind === 'volume') trigger.perMinute = Number(value);
    run(oncallApi.saveRule(session, { name: f.get('name'), trigger, policyId: f.get('policyId') }), 'Rule added');
  };

  const addChannel = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const kind = String(f.get('kind'));
    const config: Record<string, unknown> =
      kind === 'email'
        ? {
            host: f.get('host'),
            port: Number(f.get('port')),
            from: f.get('from'),
            ...(f.get('user') ? { user: f.get('user') } : {}),
            ...(f.get('to') ? { to: f.get('to') } : {}),
          }
        : f.get('url')
          ? { url: f.get('url') }
          : {};
    const secret = String(f.get('secret') ?? '');
    run(
      oncallApi.saveChannel(session, { name: f.get('name'), kind, config, ...(secret ? { secret } : {}) }),
      'Channel added',
    );
  };

  const addPolicy = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const channelIds = f.getAll('channelIds').map(String);
    const delays = list(String(f.get('delays') ?? '0,600,600')).map(Number);
    const targets = ['primary', 'secondary', 'manager'];
    run(
      oncallApi.savePolicy(session, {
        name: f.get('name'),
        rotationId: f.get('rotationId') || null,
        steps: delays.slice(0, 3).map((delayS, i) => ({ target: targets[i], delayS, channelIds })),
      }),
      'Ladder added',
    );
  };

  const addRotation = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    run(
      oncallApi.saveRotation(session, {
        name: f.get('name'),
        primaryUserIds: list(String(f.get('primary'))),
        secondaryUserIds: list(String(f.get('secondary'))),
        managerUserId: f.get('manager') || null,
        shiftS: Number(f.get('shiftHours')) * 3600,
        startsAt: new Date(String(f.get('startsAt') || Date.now())).toISOString(),
      }),
      'Rotation added',
    );
  };

  return (
    <section aria-label="Escalation settings" className="oncall-section">
      <h2>Escalation</h2>
      {message && <p role="status">{message}</p>}
      <h3>Rules</h3>
      <ul>
        {rules.map((r) => (
          <li key={r.id}>
            {r.name}: {triggerLabel(r)} → {policies.find((p) => p.id === r.policyId)?.name ?? 'ladder'}
            {!r.enabled && ' (off)'}
            {canEdit && (
              <button type="button" onClick={() => run(oncallApi.deleteRule(session, r.id), 'Rule removed')}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <h3>Ladders</h3>
      <ul>
        {policies.map((p) => (
          <li key={p.id}>
            {p.name}: {p.steps.map((s) => `${s.target} after ${s.delayS}s`).join(', then ')}
          </li>
        ))}
      </ul>
      <h3>Channels</h3>
      <ul>
        {channels.map((c) => (
          <li key={c.id}>
            {c.name} ({c.kind}){c.hasSecret ? ', secret stored' : ''}
          </li>
        ))}
      </ul>
      <h3>Rotations</h3>
      <ul>
        {rotations.map((r) => (
          <li key={r.id}>
            {r.name}: {r.primaryUserIds.length} primary, {r.secondaryUserIds.length} secondary, shifts of{' '}
            {r.shiftS / 3600} h
          </li>
        ))}
      </ul>
      {canEdit && thresholds && (
        <div className="oncall-forms">
          <form onSubmit={saveThresholds} aria-label="Spike thresholds">
            <h3>Spike thresholds</h3>
            <label>
              <input type="checkbox" name="enabled" defaultChecked={thresholds.enabled} /> Detection on
            </label>
            {(
              [
                ['baselineMinutes', 'Baseline (minutes)'],
                ['zThreshold', 'Robust z-score'],
                ['minCount', 'Minimum mentions a minute'],
                ['termWindowS', 'Phrase window (s)'],
                ['termMinCount', 'Minimum phrase count'],
                ['termRatio', 'Phrase ratio to baseline'],
                ['groupWindowS', 'Grouping window (s)'],
              ] as const
            ).map(([key, label]) => (
              <label key={key}>
                {label} <input name={key} type="number" step="any" defaultValue={thresholds[key]} required />
              </label>
            ))}
            <button type="submit">Save thresholds</button>
          </form>
          <form onSubmit={addRule} aria-label="Add rule">
            <h3>Add rule</h3>
            <label>
              Name <input name="name" required />
            </label>
            <label>
              When{' '}
              <select name="kind">
                {ESCALATION_TRIGGER_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <label>
              Value (level {URGENCY_LEVELS.join('/')}, followers, keywords, per minute) <input name="value" />
            </label>
            <label>
              Ladder{' '}
              <select name="policyId" required>
                {policies.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">Add rule</button>
          </form>
          <form onSubmit={addPolicy} aria-label="Add ladder">
            <h3>Add ladder (primary, secondary, manager)</h3>
            <label>
              Name <input name="name" required />
            </label>
            <label>
              Rotation{' '}
              <select name="rotationId">
                <option value="">none</option>
                {rotations.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Delays in seconds <input name="delays" defaultValue="0,600,600" />
            </label>
            <fieldset>
              <legend>Channels</legend>
              {channels.map((c) => (
                <label key={c.id}>
                  <input type="checkbox" name="channelIds" value={c.id} /> {c.name}
                </label>
              ))}
            </fieldset>
            <button type="submit">Add ladder</button>
          </form>
          <form onSubmit={addChannel} aria-label="Add channel">
            <h3>Add channel</h3>
            <label>
              Name <input name="name" required />
            </label>
            <label>
              Kind{' '}
              <select name="kind">
                {CHANNEL_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <label>
              URL (webhook, Slack, PagerDuty) <input name="url" type="url" />
            </label>
            <label>
              SMTP host <input name="host" />
            </label>
            <label>
              SMTP port <input name="port" type="number" defaultValue={587} />
            </label>
            <label>
              From <input name="from" type="email" />
            </label>
            <label>
              SMTP user <input name="user" />
            </label>
            <label>
              Fixed recipient <input name="to" type="email" />
            </label>
            <label>
              Secret (routing key or SMTP password, never shown again) <input name="secret" type="password" />
            </label>
            <button type="submit">Add channel</button>
          </form>
          <form onSubmit={addRotation} aria-label="Add rotation">
            <h3>Add rotation</h3>
            <label>
              Name <input name="name" required />
            </label>
            <label>
              Primary user ids (comma-separated, in turn) <input name="primary" />
            </label>
            <label>
              Secondary user ids <input name="secondary" />
            </label>
            <label>
              Manager user id <input name="manager" />
            </label>
            <label>
              Shift hours <input name="shiftHours" type="number" defaultValue={8} min={1} />
            </label>
            <label>
              First shift starts <input name="startsAt" type="datetime-local" />
            </label>
            <button type="submit">Add rotation</button>
          </form>
        </div>
      )}
    </section>
  );
}
