import type { ChannelView } from '@lp/domain';
import { channelChanges } from './channel-changes';

const channel = (over: Partial<ChannelView> = {}): ChannelView => ({
  id: 'c1',
  name: 'Ops mail',
  kind: 'email',
  config: { host: 'smtp.example', port: 587, secure: false, from: 'ops@example.com', user: 'bot' },
  hasSecret: true,
  enabled: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

describe('channelChanges', () => {
  it('shows name and enabled before and after, and only names the config keys that changed', () => {
    const before = channel();
    const after = channel({
      name: 'Ops mail (new relay)',
      enabled: false,
      config: { host: 'relay.example', port: 587, secure: false, from: 'ops@example.com' },
    });
    expect(channelChanges(before, after, 'kept')).toEqual({
      changed: ['name', 'enabled', 'config.host', 'config.user'],
      from: { name: 'Ops mail', enabled: true },
      to: { name: 'Ops mail (new relay)', enabled: false },
      secret: 'kept',
    });
  });

  it('never carries config values, which may hold a token', () => {
    const before = channel({ kind: 'slack', config: { url: 'https://hooks.slack.example/T0/B0/old-token' } });
    const after = channel({ kind: 'slack', config: { url: 'https://hooks.slack.example/T0/B0/new-token' } });
    const details = channelChanges(before, after, 'replaced');
    expect(details.changed).toEqual(['config.url', 'secret']);
    expect(JSON.stringify(details)).not.toContain('token');
  });

  it('lists nothing when nothing changed', () => {
    expect(channelChanges(channel(), channel(), 'kept').changed).toEqual([]);
  });
});
