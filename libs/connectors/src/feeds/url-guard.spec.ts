import { ConnectorError } from '../shared/connector-errors';
import { AllowList, blockedAddressKind, resolveFeedTarget } from './url-guard';

describe('blockedAddressKind', () => {
  it.each([
    ['127.0.0.1', 'a loopback'],
    ['127.8.9.10', 'a loopback'],
    ['::1', 'a loopback'],
    ['10.0.0.5', 'a private'],
    ['172.16.0.1', 'a private'],
    ['172.31.255.255', 'a private'],
    ['192.168.1.20', 'a private'],
    ['fd12:3456::1', 'a private'],
    ['169.254.169.254', 'a link-local'],
    ['fe80::1', 'a link-local'],
    ['100.64.0.1', 'a carrier-grade NAT'],
    ['0.0.0.0', 'an unspecified'],
    ['::', 'an unspecified'],
    ['224.0.0.251', 'a multicast'],
    ['ff02::1', 'a multicast'],
    ['255.255.255.255', 'a reserved'],
    ['::ffff:10.0.0.5', 'a private'],
    ['::ffff:127.0.0.1', 'a loopback'],
    ['::ffff:a9fe:a9fe', 'a link-local'],
    ['64:ff9b::a00:5', 'a reserved'],
  ])('refuses %s as %s address', (address, kind) => {
    expect(blockedAddressKind(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::6810:85e5', '::ffff:8.8.8.8'])(
    'lets public %s through',
    (address) => {
      expect(blockedAddressKind(address)).toBeNull();
    },
  );
});

describe('AllowList', () => {
  it('matches host names, single addresses and CIDRs', () => {
    const allow = new AllowList(['Feeds.Internal', '127.0.0.1', '10.1.0.0/16', '[fd00::1]', ' ']);
    expect(allow.allowsHost('feeds.internal')).toBe(true);
    expect(allow.allowsHost('other.internal')).toBe(false);
    expect(allow.allowsAddress('127.0.0.1')).toBe(true);
    expect(allow.allowsAddress('127.0.0.2')).toBe(false);
    expect(allow.allowsAddress('10.1.200.3')).toBe(true);
    expect(allow.allowsAddress('10.2.0.1')).toBe(false);
    expect(allow.allowsAddress('fd00::1')).toBe(true);
  });
});

describe('resolveFeedTarget', () => {
  const resolvesTo =
    (...addresses: string[]) =>
    () =>
      Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));

  async function refusal(promise: Promise<unknown>): Promise<ConnectorError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }

  it('refuses a host name resolving to a private address, naming the setting that allows it', async () => {
    const error = await refusal(
      resolveFeedTarget('https://feeds.corp.example/rss', { lookup: resolvesTo('10.0.0.5') }),
    );
    expect(error.message).toBe(
      'feed URL resolves to a private address 10.0.0.5; allow it with FEED_ALLOW_PRIVATE_HOSTS',
    );
    expect(error.retryable).toBe(false);
  });

  it('refuses when any one of several addresses is private', async () => {
    const error = await refusal(
      resolveFeedTarget('https://mixed.example/rss', { lookup: resolvesTo('93.184.216.34', '169.254.169.254') }),
    );
    expect(error.message).toContain('link-local address 169.254.169.254');
  });

  it('pins the first checked address of a public host', async () => {
    const target = await resolveFeedTarget('https://news.example/feed', {
      lookup: resolvesTo('93.184.216.34', '2606:2800:220:1::1'),
    });
    expect(target).toMatchObject({ address: '93.184.216.34', family: 4 });
    expect(target.url.hostname).toBe('news.example');
  });

  it('checks IP literals without DNS, in every spelling the URL parser accepts', async () => {
    const lookup = jest.fn(resolvesTo('93.184.216.34'));
    for (const url of [
      'http://127.0.0.1/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[::ffff:10.0.0.5]/',
    ]) {
      await refusal(resolveFeedTarget(url, { lookup }));
    }
    expect(lookup).not.toHaveBeenCalled();
  });

  it('accepts allow-listed addresses, CIDRs and host names', async () => {
    await expect(
      resolveFeedTarget('http://127.0.0.1:8080/f', { allowPrivateHosts: ['127.0.0.1'] }),
    ).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(
      resolveFeedTarget('http://wiki.corp/f', { allowPrivateHosts: ['10.0.0.0/8'], lookup: resolvesTo('10.9.8.7') }),
    ).resolves.toMatchObject({ address: '10.9.8.7' });
    await expect(
      resolveFeedTarget('http://wiki.corp/f', { allowPrivateHosts: ['wiki.corp'], lookup: resolvesTo('192.168.0.9') }),
    ).resolves.toMatchObject({ address: '192.168.0.9' });
  });

  it('accepts only http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed', 'gopher://example.com/']) {
      const error = await refusal(resolveFeedTarget(url));
      expect(error.message).toMatch(/must use http or https/);
      expect(error.retryable).toBe(false);
    }
    expect((await refusal(resolveFeedTarget('not a url'))).message).toMatch(/not a valid URL/);
  });

  it('reports an unknown host as not retryable and a DNS failure as retryable', async () => {
    const fail = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));
    expect((await refusal(resolveFeedTarget('https://nope.example/', { lookup: fail('ENOTFOUND') }))).retryable).toBe(
      false,
    );
    expect((await refusal(resolveFeedTarget('https://nope.example/', { lookup: fail('EAI_AGAIN') }))).retryable).toBe(
      true,
    );
  });
});
