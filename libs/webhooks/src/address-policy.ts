import ipaddr from 'ipaddr.js';

/**
 * The range an IP address belongs to, as ipaddr.js names it: `unicast` for an ordinary public
 * address, otherwise e.g. `loopback`, `private`, `linkLocal`, `carrierGradeNat`, `uniqueLocal`,
 * `multicast`, `unspecified`, `reserved`. IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are
 * judged as the IPv4 address they carry. Null when the text is no IP address.
 */
export function addressRange(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return null;
  return ipaddr.process(bare).range();
}

/**
 * Only ordinary public unicast addresses receive webhooks. Everything else (loopback, RFC 1918,
 * ULA, link-local with the cloud metadata service, CGNAT, multicast, documentation and reserved
 * ranges, NAT64, 6to4, Teredo that may tunnel to any of these) would let a webhook reach into the
 * network the worker runs in.
 */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}

/** Host names and addresses an operator allowed explicitly (WEBHOOK_ALLOWED_HOSTS). */
export class HostAllowlist {
  private readonly hosts: Set<string>;

  constructor(hosts: readonly string[]) {
    this.hosts = new Set(hosts.map(normaliseHost));
  }

  allows(hostname: string): boolean {
    return this.hosts.has(normaliseHost(hostname));
  }
}

/** Lower case, without the brackets of an IPv6 literal in a URL, IPv6 in its canonical form. */
export function normaliseHost(hostname: string): string {
  const bare = hostname
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return ipaddr.IPv6.isValid(bare) ? ipaddr.IPv6.parse(bare).toString() : bare;
}
