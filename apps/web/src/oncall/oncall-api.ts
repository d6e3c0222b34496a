import type {
  ChannelView,
  DeliveryView,
  DigestView,
  EarlyWarningSettings,
  EscalationPolicyView,
  EscalationRuleView,
  IncidentTimelineEntry,
  IncidentView,
  OnCallNow,
  OncallPerson,
  OncallRotationView,
} from '@lp/domain';
import type { Session } from '../auth/session';
import { readRefusal } from '../live/api-client';

export interface IncidentDetail {
  incident: IncidentView;
  timeline: IncidentTimelineEntry[];
  deliveries: DeliveryView[];
  mentionIds: string[];
}

/** A refusal from the API, with the fields it named (400) and why, so forms can point at them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly fields: string[],
    message: string,
    /** Field → the server's reasons, joined. */
    readonly reasons: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function call<T>(session: Session, path: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await session.authorizedFetch(path, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const payload = await readRefusal(res);
    const fields = payload.fields?.map((f) => f.field) ?? [];
    const reasons = Object.fromEntries((payload.fields ?? []).map((f) => [f.field, (f.messages ?? []).join('; ')]));
    const message = fields.length
      ? `Check ${fields.join(', ')}`
      : typeof payload.message === 'string'
        ? payload.message
        : '';
    throw new ApiError(res.status, fields, message || `${path} answered ${res.status}`, reasons);
  }
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

export const oncallApi = {
  incidents: (s: Session) => call<IncidentView[]>(s, '/api/incidents?limit=100'),
  incident: (s: Session, id: string) => call<IncidentDetail>(s, `/api/incidents/${id}`),
  deliveries: (s: Session) => call<DeliveryView[]>(s, '/api/incidents/deliveries'),
  acknowledge: (s: Session, id: string) => call<IncidentView>(s, `/api/incidents/${id}/acknowledge`, 'POST'),
  resolve: (s: Session, id: string) => call<IncidentView>(s, `/api/incidents/${id}/resolve`, 'POST'),
  assign: (s: Session, id: string, ownerId: string | null) =>
    call<IncidentView>(s, `/api/incidents/${id}/owner`, 'PUT', { ownerId }),
  onCallNow: (s: Session) => call<OnCallNow[]>(s, '/api/oncall/now'),
  rotations: (s: Session) => call<OncallRotationView[]>(s, '/api/oncall/rotations'),
  saveRotation: (s: Session, body: unknown) => call<OncallRotationView>(s, '/api/oncall/rotations', 'POST', body),
  updateRotation: (s: Session, id: string, body: unknown) =>
    call<OncallRotationView>(s, `/api/oncall/rotations/${id}`, 'PUT', body),
  channels: (s: Session) => call<ChannelView[]>(s, '/api/escalation/channels'),
  saveChannel: (s: Session, body: unknown) => call<ChannelView>(s, '/api/escalation/channels', 'POST', body),
  updateChannel: (s: Session, id: string, body: unknown) =>
    call<ChannelView>(s, `/api/escalation/channels/${id}`, 'PATCH', body),
  people: (s: Session) => call<OncallPerson[]>(s, '/api/oncall/people'),
  policies: (s: Session) => call<EscalationPolicyView[]>(s, '/api/escalation/policies'),
  savePolicy: (s: Session, body: unknown) => call<EscalationPolicyView>(s, '/api/escalation/policies', 'POST', body),
  rules: (s: Session) => call<EscalationRuleView[]>(s, '/api/escalation/rules'),
  saveRule: (s: Session, body: unknown) => call<EscalationRuleView>(s, '/api/escalation/rules', 'POST', body),
  deleteRule: (s: Session, id: string) => call<void>(s, `/api/escalation/rules/${id}`, 'DELETE'),
  earlyWarning: (s: Session) => call<EarlyWarningSettings & { version: number }>(s, '/api/settings/early-warning'),
  saveEarlyWarning: (s: Session, body: unknown) =>
    call<EarlyWarningSettings & { version: number }>(s, '/api/settings/early-warning', 'PUT', body),
  digests: (s: Session) => call<DigestView[]>(s, '/api/digests'),
  makeDigest: (s: Session) => call<DigestView>(s, '/api/digests', 'POST', { hours: 8 }),
};
