import type { UrgencyLevel } from './mention';
import type { Role } from './user';

/** What an escalation rule listens for. */
export type EscalationTrigger =
  | { kind: 'incident' }
  | { kind: 'urgency'; level: UrgencyLevel }
  | { kind: 'vip'; minFollowers: number }
  | { kind: 'keyword'; keywords: string[] }
  | { kind: 'sla_breach' }
  | { kind: 'volume'; perMinute: number };

export const ESCALATION_TRIGGER_KINDS = ['incident', 'urgency', 'vip', 'keyword', 'sla_breach', 'volume'] as const;

export interface EscalationRuleView {
  id: string;
  name: string;
  enabled: boolean;
  trigger: EscalationTrigger;
  policyId: string;
  createdAt: string;
}

export const ESCALATION_TARGETS = ['primary', 'secondary', 'manager'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export interface EscalationStep {
  target: EscalationTarget;
  /** Seconds after the previous step (the first step: after the incident opens). */
  delayS: number;
  channelIds: string[];
}

export interface EscalationPolicyView {
  id: string;
  name: string;
  rotationId: string | null;
  steps: EscalationStep[];
  createdAt: string;
}

/** Who is on call: primaries and secondaries take turns, one shift each, counted from `startsAt`. */
export interface OncallRotationView {
  id: string;
  name: string;
  primaryUserIds: string[];
  secondaryUserIds: string[];
  managerUserId: string | null;
  shiftS: number;
  startsAt: string;
  createdAt: string;
}

/** The users holding the primary and secondary shift at `at`. */
export function onCallAt(
  rotation: Pick<OncallRotationView, 'primaryUserIds' | 'secondaryUserIds' | 'shiftS' | 'startsAt'>,
  at: Date,
): { primary: string | null; secondary: string | null } {
  const shift = Math.max(0, Math.floor((at.getTime() - Date.parse(rotation.startsAt)) / (rotation.shiftS * 1000)));
  const pick = (ids: string[]) => (ids.length ? ids[shift % ids.length]! : null);
  return { primary: pick(rotation.primaryUserIds), secondary: pick(rotation.secondaryUserIds) };
}

export const CHANNEL_KINDS = ['webhook', 'slack', 'pagerduty', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * A channel as the API shows it: public settings only. Secrets (SMTP password, PagerDuty routing
 * key) are sealed in the database and only reported as present.
 */
export interface ChannelView {
  id: string;
  name: string;
  kind: ChannelKind;
  /** webhook/slack/pagerduty: `url`; email: `host`, `port`, `secure`, `from`, `user`, optional `to`. */
  config: Record<string, string | number | boolean>;
  hasSecret: boolean;
  /** A channel that is off stays in its ladders but is not paged (kept so ladders need no edit). */
  enabled: boolean;
  createdAt: string;
}

export const DELIVERY_STATUSES = ['pending', 'retrying', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];

export interface DeliveryView {
  id: string;
  incidentId: string;
  step: number;
  channelId: string;
  channelName: string;
  targetUserId: string | null;
  target: EscalationTarget | null;
  action: DeliveryAction;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** A person a rotation can name: what the rotation form shows, and nothing more (no email, no status). */
export interface OncallPerson {
  id: string;
  name: string;
  role: Role;
}

/**
 * Who holds each rotation right now, as `GET /api/oncall/now` answers: user ids plus their names.
 * Names come with it because every role may read this, but only editors may read the people list;
 * emails stay out. A name is null when nobody holds the shift or the id is no user.
 */
export interface OnCallNow {
  rotationId: string;
  name: string;
  primary: string | null;
  secondary: string | null;
  manager: string | null;
  primaryName: string | null;
  secondaryName: string | null;
  managerName: string | null;
}
