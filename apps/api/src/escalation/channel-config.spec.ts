import type { BadRequestException } from '@nestjs/common';
import { validateChannelConfig } from './channel-config';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    const body = (error as BadRequestException).getResponse() as { fields: Array<{ field: string }> };
    return body.fields[0]?.field;
  }
  return undefined;
};

describe('validateChannelConfig', () => {
  it('keeps only the URL of webhook and Slack channels, and only http(s)', () => {
    expect(validateChannelConfig('webhook', { url: 'https://hooks.example/a', extra: 1 })).toEqual({
      url: 'https://hooks.example/a',
    });
    expect(fieldOf(() => validateChannelConfig('slack', { url: 'javascript:alert(1)' }))).toBe('config.url');
    expect(fieldOf(() => validateChannelConfig('webhook', { url: 'https://user:pw@hooks.example/' }))).toBe(
      'config.url',
    );
    expect(fieldOf(() => validateChannelConfig('webhook', {}))).toBe('config.url');
  });

  it('lets PagerDuty default its endpoint', () => {
    expect(validateChannelConfig('pagerduty', {})).toEqual({});
  });

  it('checks SMTP host, port and addresses', () => {
    expect(
      validateChannelConfig('email', { host: 'smtp.example.com', port: 587, from: 'ops@example.com', pass: 'x' }),
    ).toEqual({ host: 'smtp.example.com', port: 587, secure: false, from: 'ops@example.com' });
    expect(fieldOf(() => validateChannelConfig('email', { host: 'smtp.example.com', port: 0, from: 'a@b' }))).toBe(
      'config.port',
    );
    expect(fieldOf(() => validateChannelConfig('email', { host: 'bad host', port: 25, from: 'a@b' }))).toBe(
      'config.host',
    );
    expect(fieldOf(() => validateChannelConfig('email', { host: 'h', port: 25, from: 'nobody' }))).toBe('config.from');
  });
});
