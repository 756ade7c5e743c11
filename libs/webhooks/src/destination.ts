import { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { addressRange, HostAllowlist, normaliseHost } from './address-policy';

/** A destination that must not receive webhooks, with why; safe to show to the endpoint's owner. */
export class DestinationRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = DestinationRefused.name;
  }
}

export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Where a webhook may go: the addresses to connect to, all checked, or null for a host the
 * operator allowed (it is connected to as the system resolves it).
 */
export interface CheckedDestination {
  hostname: string;
  addresses: LookupAddress[] | null;
}

/**
 * Checks a URL's host: an allowlisted host passes; an IP literal must be public; a host name
 * must resolve, and to public addresses only — one special address among them refuses it, as
 * the connection could go to any. The caller connects only to the addresses returned, so that a
 * second lookup (DNS rebinding) cannot switch them.
 */
export async function checkDestination(
  url: URL,
  allowlist: HostAllowlist,
  resolve: Resolve = systemResolve,
): Promise<CheckedDestination> {
  const hostname = normaliseHost(url.hostname);
  if (allowlist.allows(hostname)) return { hostname, addresses: null };
  const literalRange = addressRange(hostname);
  if (literalRange !== null) {
    refuseUnlessPublic(hostname, literalRange);
    return { hostname, addresses: [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }] };
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new DestinationRefused(
      `${hostname} does not resolve (${typeof code === 'string' ? code : 'DNS error'}).`,
    );
  }
  if (addresses.length === 0) throw new DestinationRefused(`${hostname} does not resolve.`);
  for (const { address } of addresses) refuseUnlessPublic(`${hostname} (${address})`, addressRange(address));
  return { hostname, addresses };
}

function refuseUnlessPublic(what: string, range: string | null): void {
  if (range === 'unicast') return;
  throw new DestinationRefused(
    `${what} is a ${range ?? 'unknown'} address; webhooks go to public addresses only, unless an operator allows the host (WEBHOOK_ALLOWED_HOSTS).`,
  );
}
