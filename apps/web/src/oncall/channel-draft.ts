import type { ChannelKind, ChannelView } from '@lp/domain';

/** Everything the channel form holds, as typed: kept whole across a refused save. */
export interface ChannelDraft {
  name: string;
  kind: ChannelKind;
  enabled: boolean;
  url: string;
  host: string;
  port: string;
  secure: boolean;
  from: string;
  user: string;
  to: string;
  /** Empty: keep the stored secret (on edit) or none (on add). Never prefilled: the API never returns it. */
  secret: string;
  removeSecret: boolean;
}

export type DraftField = keyof ChannelDraft;

const text = (v: string | number | boolean | undefined) => (v === undefined ? '' : String(v));

/** The form's first state: empty for "add", the channel's public settings for "edit" (never its secret). */
export function draftFromChannel(channel?: ChannelView): ChannelDraft {
  const c = channel?.config ?? {};
  return {
    name: channel?.name ?? '',
    kind: channel?.kind ?? 'webhook',
    enabled: channel?.enabled ?? true,
    url: text(c.url),
    host: text(c.host),
    port: channel ? text(c.port) : '587',
    secure: c.secure === true,
    from: text(c.from),
    user: text(c.user),
    to: text(c.to),
    secret: '',
    removeSecret: false,
  };
}

/** Which inputs a kind uses; the others are hidden and never sent. */
export function usesField(kind: ChannelKind, field: 'url' | 'smtp' | 'secret'): boolean {
  switch (kind) {
    case 'webhook':
    case 'slack':
      return field === 'url';
    case 'pagerduty':
      return field === 'url' || field === 'secret';
    case 'email':
      return field === 'smtp' || field === 'secret';
  }
}

function configOf(d: ChannelDraft): Record<string, unknown> {
  if (d.kind !== 'email') return d.url.trim() ? { url: d.url.trim() } : {};
  return {
    host: d.host.trim(),
    // Sent as typed when it is not a number, so the server names the field instead of the form guessing.
    port: d.port.trim() !== '' && Number.isFinite(Number(d.port)) ? Number(d.port) : d.port,
    secure: d.secure,
    from: d.from.trim(),
    ...(d.user.trim() ? { user: d.user.trim() } : {}),
    ...(d.to.trim() ? { to: d.to.trim() } : {}),
  };
}

/** `POST /api/escalation/channels`. */
export function createBody(d: ChannelDraft): Record<string, unknown> {
  return { name: d.name, kind: d.kind, config: configOf(d), ...(d.secret ? { secret: d.secret } : {}) };
}

/**
 * `PATCH /api/escalation/channels/:id`: the kind is fixed, so it is not sent. An empty secret is left
 * out, which keeps the sealed one; "remove" sends null.
 */
export function patchBody(d: ChannelDraft): Record<string, unknown> {
  const secret = d.removeSecret ? { secret: null } : d.secret ? { secret: d.secret } : {};
  return { name: d.name, enabled: d.enabled, config: configOf(d), ...secret };
}

const API_FIELDS: Record<string, DraftField> = {
  name: 'name',
  kind: 'kind',
  enabled: 'enabled',
  secret: 'secret',
  config: 'url',
  'config.url': 'url',
  'config.host': 'host',
  'config.port': 'port',
  'config.secure': 'secure',
  'config.from': 'from',
  'config.user': 'user',
  'config.to': 'to',
};

/** Reasons by input; `form` holds what belongs to no input. */
export type DraftErrors = Partial<Record<DraftField | 'form', string>>;

/** The server's field names (`config.url`) as the form's inputs, so each reason shows beside its input. */
export function draftErrors(reasons: Record<string, string>, kind: ChannelKind): DraftErrors {
  const out: DraftErrors = {};
  for (const [field, reason] of Object.entries(reasons)) {
    // A whole-config refusal belongs to the kind's first config input.
    const target = field === 'config' && kind === 'email' ? 'host' : (API_FIELDS[field] ?? 'form');
    out[target] = out[target] ? `${out[target]}; ${reason}` : reason;
  }
  return out;
}
