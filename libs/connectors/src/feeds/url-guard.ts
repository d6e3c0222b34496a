import dns from 'node:dns';
import net from 'node:net';
import { ConnectorError } from '../shared/connector-errors';

/** A resolved address the fetcher may connect to; it is pinned so a second DNS answer cannot swap it (rebinding). */
export interface ResolvedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type LookupAll = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface UrlGuardOptions {
  /** Host names, IPs or CIDRs (`10.1.0.0/16`) a feed may use although they are not public. */
  allowPrivateHosts?: readonly string[];
  /** Injected in tests to make a host name resolve to chosen addresses. */
  lookup?: LookupAll;
}

const ALLOW_HINT = 'allow it with FEED_ALLOW_PRIVATE_HOSTS';

/** Ranges a user-supplied URL must not reach: they point into our own network (SSRF), not at a publisher. */
const BLOCKED: ReadonlyArray<{ kind: string; cidrs: ReadonlyArray<[string, number, 'ipv4' | 'ipv6']> }> = [
  {
    kind: 'an unspecified',
    cidrs: [
      ['0.0.0.0', 8, 'ipv4'],
      ['::', 128, 'ipv6'],
    ],
  },
  {
    kind: 'a loopback',
    cidrs: [
      ['127.0.0.0', 8, 'ipv4'],
      ['::1', 128, 'ipv6'],
    ],
  },
  {
    kind: 'a private',
    cidrs: [
      ['10.0.0.0', 8, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      ['fc00::', 7, 'ipv6'],
    ],
  },
  // 169.254.169.254 is where cloud providers serve instance metadata and credentials.
  {
    kind: 'a link-local',
    cidrs: [
      ['169.254.0.0', 16, 'ipv4'],
      ['fe80::', 10, 'ipv6'],
    ],
  },
  { kind: 'a carrier-grade NAT', cidrs: [['100.64.0.0', 10, 'ipv4']] },
  {
    kind: 'a multicast',
    cidrs: [
      ['224.0.0.0', 4, 'ipv4'],
      ['ff00::', 8, 'ipv6'],
    ],
  },
  {
    kind: 'a reserved',
    cidrs: [
      ['192.0.0.0', 24, 'ipv4'],
      ['198.18.0.0', 15, 'ipv4'],
      ['240.0.0.0', 4, 'ipv4'],
      // NAT64 and 6to4 embed an IPv4 address that could be private.
      ['64:ff9b::', 96, 'ipv6'],
      ['2002::', 16, 'ipv6'],
    ],
  },
];

const BLOCK_LISTS = BLOCKED.map(({ kind, cidrs }) => {
  const list = new net.BlockList();
  for (const [prefix, bits, type] of cidrs) list.addSubnet(prefix, bits, type);
  return { kind, list };
});

/** Describes why an address is not public ("a private"), or null when it is. IPv4-mapped IPv6 is checked as IPv4. */
export function blockedAddressKind(address: string): string | null {
  const type = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
  if (!type) return 'an invalid';
  // BlockList matches ::ffff:a.b.c.d against IPv4 rules, so mapped addresses need no special case.
  return BLOCK_LISTS.find(({ list }) => list.check(address, type))?.kind ?? null;
}

export class AllowList {
  private readonly hosts = new Set<string>();
  private readonly ranges = new net.BlockList();

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const entry = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      if (!entry) continue;
      const [ip, bits] = entry.split('/');
      const type = net.isIPv4(ip ?? '') ? 'ipv4' : net.isIPv6(ip ?? '') ? 'ipv6' : null;
      if (type && ip && bits !== undefined) this.ranges.addSubnet(ip, Number(bits), type);
      else if (type && ip) this.ranges.addAddress(ip, type);
      else this.hosts.add(entry);
    }
  }

  allowsHost(hostname: string): boolean {
    return this.hosts.has(hostname.toLowerCase());
  }

  allowsAddress(address: string): boolean {
    return this.ranges.check(address, net.isIPv4(address) ? 'ipv4' : 'ipv6');
  }
}

const systemLookup: LookupAll = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Checks a feed URL before connecting: http(s) only, and every address the host resolves to must be public
 * unless allow-listed. Refusing when any address is private stops a host that answers with one public and
 * one private address. The caller connects to the returned address, never to a fresh DNS answer.
 */
export async function resolveFeedTarget(rawUrl: string, options: UrlGuardOptions = {}): Promise<ResolvedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ConnectorError(`feed URL is not a valid URL: ${rawUrl.slice(0, 200)}`, false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError(`feed URL must use http or https, not ${url.protocol.replace(/:$/, '')}`, false);
  }
  const allow = new AllowList(options.allowPrivateHosts);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const literal = net.isIP(hostname);
  let addresses: Array<{ address: string; family: number }>;
  if (literal) {
    addresses = [{ address: hostname, family: literal }];
  } else {
    try {
      addresses = await (options.lookup ?? systemLookup)(hostname);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // A missing name may be a typo or a DNS hiccup; NXDOMAIN is the only answer worth not retrying.
      throw new ConnectorError(
        `feed host ${hostname} could not be resolved (${code ?? 'lookup failed'})`,
        code !== 'ENOTFOUND',
      );
    }
  }
  const first = addresses[0];
  if (!first) throw new ConnectorError(`feed host ${hostname} has no address`, true);
  if (!allow.allowsHost(hostname)) {
    for (const { address } of addresses) {
      const kind = blockedAddressKind(address);
      if (kind && !allow.allowsAddress(address)) {
        throw new ConnectorError(`feed URL resolves to ${kind} address ${address}; ${ALLOW_HINT}`, false);
      }
    }
  }
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
