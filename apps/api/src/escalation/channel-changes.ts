import type { ChannelView } from '@lp/domain';

/** What happened to the sealed secret in an edit; its value is never known outside the cipher. */
export type SecretChange = 'kept' | 'replaced' | 'removed';

export interface ChannelChanges {
  changed: string[];
  from: Partial<Pick<ChannelView, 'name' | 'enabled'>>;
  to: Partial<Pick<ChannelView, 'name' | 'enabled'>>;
  secret: SecretChange;
}

/**
 * The audit details of a channel edit. Name and enabled are shown before and after; config keys
 * are only named, because URLs can carry a token (Slack's incoming webhooks do); the secret only
 * says whether it was kept, replaced or removed.
 */
export function channelChanges(before: ChannelView, after: ChannelView, secret: SecretChange): ChannelChanges {
  const out: ChannelChanges = { changed: [], from: {}, to: {}, secret };
  if (before.name !== after.name) {
    out.changed.push('name');
    out.from.name = before.name;
    out.to.name = after.name;
  }
  if (before.enabled !== after.enabled) {
    out.changed.push('enabled');
    out.from.enabled = before.enabled;
    out.to.enabled = after.enabled;
  }
  const keys = [...new Set([...Object.keys(before.config), ...Object.keys(after.config)])].sort();
  for (const key of keys) if (before.config[key] !== after.config[key]) out.changed.push(`config.${key}`);
  if (secret !== 'kept') out.changed.push('secret');
  return out;
}
