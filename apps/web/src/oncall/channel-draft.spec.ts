import type { ChannelView } from '@lp/domain';
import { createBody, draftErrors, draftFromChannel, patchBody, usesField } from './channel-draft';

const mail: ChannelView = {
  id: 'c1',
  name: 'Ops mail',
  kind: 'email',
  config: { host: 'smtp.example', port: 587, secure: false, from: 'ops@example.com', user: 'bot' },
  hasSecret: true,
  enabled: true,
  createdAt: '2025-01-01T00:00:00.000Z',
};

describe('draftFromChannel', () => {
  it('prefills the public settings and never a secret', () => {
    const draft = draftFromChannel(mail);
    expect(draft).toMatchObject({ name: 'Ops mail', kind: 'email', host: 'smtp.example', port: '587', user: 'bot' });
    expect(draft.secret).toBe('');
  });

  it('starts "add" empty, on, as a webhook', () => {
    expect(draftFromChannel()).toMatchObject({ name: '', kind: 'webhook', enabled: true, url: '', port: '587' });
  });
});

describe('request bodies', () => {
  it('leaves an empty secret out of a PATCH, so the sealed one is kept, and never sends the kind', () => {
    const body = patchBody({ ...draftFromChannel(mail), name: 'Ops relay', host: 'relay.example' });
    expect(body).toEqual({
      name: 'Ops relay',
      enabled: true,
      config: { host: 'relay.example', port: 587, secure: false, from: 'ops@example.com', user: 'bot' },
    });
  });

  it('sends a typed secret, or null to remove it', () => {
    expect(patchBody({ ...draftFromChannel(mail), secret: 'new-pass' }).secret).toBe('new-pass');
    expect(patchBody({ ...draftFromChannel(mail), secret: 'ignored', removeSecret: true }).secret).toBeNull();
  });

  it('sends only the URL for webhooks, and a bad port as typed so the server names it', () => {
    const hook = { ...draftFromChannel(), name: 'h', url: ' https://hooks.example/a ', host: 'left-over' };
    expect(createBody(hook)).toEqual({ name: 'h', kind: 'webhook', config: { url: 'https://hooks.example/a' } });
    expect((patchBody({ ...draftFromChannel(mail), port: 'abc' }).config as { port: unknown }).port).toBe('abc');
  });
});

describe('usesField', () => {
  it('shows the secret only where a kind has one', () => {
    expect(usesField('webhook', 'secret')).toBe(false);
    expect(usesField('pagerduty', 'secret')).toBe(true);
    expect(usesField('email', 'smtp')).toBe(true);
    expect(usesField('slack', 'smtp')).toBe(false);
  });
});

describe('draftErrors', () => {
  it('puts each server reason beside its input', () => {
    expect(draftErrors({ 'config.url': 'must be an http(s) URL', name: 'name must be shorter' }, 'webhook')).toEqual({
      url: 'must be an http(s) URL',
      name: 'name must be shorter',
    });
    expect(draftErrors({ 'config.port': 'must be 1-65535' }, 'email')).toEqual({ port: 'must be 1-65535' });
    expect(draftErrors({ config: 'must be an object' }, 'email')).toEqual({ host: 'must be an object' });
    expect(draftErrors({ surprise: 'should not exist' }, 'slack')).toEqual({ form: 'should not exist' });
  });
});
