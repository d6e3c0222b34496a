import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  ESCALATION_TRIGGER_KINDS,
  URGENCY_LEVELS,
  type ChannelView,
  type EarlyWarningSettings,
  type EscalationPolicyView,
  type EscalationRuleView,
  type OncallPerson,
  type OncallRotationView,
} from '@lp/domain';
import { useLive } from '../live/live-data';
import { ChannelForm } from './channel-form';
import { ChannelList } from './channel-list';
import { oncallApi } from './oncall-api';
import { nameOf } from './people';
import { RotationForm } from './rotation-form';
import { ThresholdsForm } from './thresholds-form';

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const names = (people: OncallPerson[], ids: string[]) =>
  ids.length ? ids.map((id) => nameOf(people, id)).join(', ') : '—';

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
  const [thresholds, setThresholds] = useState<(EarlyWarningSettings & { version: number }) | null>(null);
  const [rules, setRules] = useState<EscalationRuleView[]>([]);
  const [policies, setPolicies] = useState<EscalationPolicyView[]>([]);
  const [channels, setChannels] = useState<ChannelView[]>([]);
  const [rotations, setRotations] = useState<OncallRotationView[]>([]);
  const [people, setPeople] = useState<OncallPerson[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The rotation whose row shows the edit form; one at a time, like channels.
  const [editingRotation, setEditingRotation] = useState<string | null>(null);

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
  // Only editors may read the people list (names and roles); others see counts instead of names.
  useEffect(() => {
    if (canEdit) void oncallApi.people(session).then(setPeople, (e: Error) => setMessage(e.message));
  }, [canEdit, session]);

  const run = (action: Promise<unknown>, done: string) =>
    void action.then(
      () => {
        setMessage(done);
        load();
      },
      (e: Error) => setMessage(e.message),
    );

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

  const saved = (what: string) => () => {
    setMessage(what);
    load();
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
      <ChannelList
        channels={channels}
        canEdit={canEdit}
        update={(id, body) => oncallApi.updateChannel(session, id, body)}
        onSaved={saved('Channel saved')}
      />
      <h3>Rotations</h3>
      <ul className="rotation-list">
        {rotations.map((r) => (
          <li key={r.id}>
            {r.name}:{' '}
            {people
              ? `primary ${names(people, r.primaryUserIds)}; secondary ${names(people, r.secondaryUserIds)}; manager ${
                  r.managerUserId ? nameOf(people, r.managerUserId) : 'the first manager'
                }`
              : `${r.primaryUserIds.length} primary, ${r.secondaryUserIds.length} secondary`}
            , shifts of {r.shiftS / 3600} h
            {canEdit && editingRotation !== r.id && (
              <button type="button" aria-label={`Edit rotation ${r.name}`} onClick={() => setEditingRotation(r.id)}>
                Edit
              </button>
            )}
            {canEdit && editingRotation === r.id && (
              <RotationForm
                rotation={r}
                people={people}
                save={(body) => oncallApi.updateRotation(session, r.id, body)}
                onSaved={() => {
                  setEditingRotation(null);
                  saved('Rotation saved')();
                }}
                onCancel={() => setEditingRotation(null)}
              />
            )}
          </li>
        ))}
      </ul>
      {canEdit && thresholds && (
        <div className="oncall-forms">
          <ThresholdsForm
            key={thresholds.version}
            settings={thresholds}
            save={(body) => oncallApi.saveEarlyWarning(session, body)}
            onSaved={saved('Thresholds saved')}
          />
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
                  {c.enabled ? '' : ' (off)'}
                </label>
              ))}
            </fieldset>
            <button type="submit">Add ladder</button>
          </form>
          <ChannelForm save={(body) => oncallApi.saveChannel(session, body)} onSaved={saved('Channel added')} />
          <RotationForm
            people={people}
            save={(body) => oncallApi.saveRotation(session, body)}
            onSaved={saved('Rotation added')}
          />
        </div>
      )}
    </section>
  );
}
