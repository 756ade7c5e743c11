import { LookupAddress, LookupOptions } from 'node:dns';
import { request } from 'node:https';
import { isIP } from 'node:net';
import { AttemptResult } from './delivery-outcome';
import { HostAllowlist } from './address-policy';
import { checkDestination, DestinationRefused, Resolve } from './destination';

/** Bytes of the receiver's answer read at most; the rest is not waited for. */
const MAX_RESPONSE_BYTES = 4_096;
/** Characters of the answer kept in the delivery log. */
export const RESPONSE_EXCERPT_CHARS = 300;
const USER_AGENT = 'Treffpunkt-Webhooks/1.0 (+https://www.standardwebhooks.com)';

export interface WebhookClientOptions {
  allowlist: HostAllowlist;
  timeoutMs: number;
  /** Certificate authorities to trust, in place of Node's defaults; undefined: the defaults. */
  ca?: string[];
  resolve?: Resolve;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * POSTs one webhook. The destination is checked right before connecting and the connection goes
 * to exactly the addresses checked (pinned through `lookup`), so a DNS answer that changes
 * between check and connect cannot redirect it inward. One request, no redirects, a deadline for
 * the whole exchange, and only the start of the answer is read.
 */
export class WebhookClient {
  constructor(private readonly options: WebhookClientOptions) {}

  async post(target: WebhookRequest): Promise<AttemptResult> {
    const url = new URL(target.url);
    let pinned: LookupAddress[] | null;
    try {
      pinned = (await checkDestination(url, this.options.allowlist, this.options.resolve)).addresses;
    } catch (error) {
      if (error instanceof DestinationRefused)
        return { kind: 'error', message: error.message, permanent: true };
      throw error;
    }
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    return new Promise<AttemptResult>((resolve) => {
      const outgoing = request(
        {
          method: 'POST',
          hostname,
          port: url.port || 443,
          path: `${url.pathname}${url.search}`,
          headers: {
            ...target.headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(target.body)),
            'user-agent': USER_AGENT,
          },
          servername: isIP(hostname) ? undefined : hostname,
          lookup: pinned ? pinnedLookup(pinned) : undefined,
          ca: this.options.ca,
          agent: false,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          let received = 0;
          const finish = (): void => {
            resolve({ kind: 'response', statusCode: response.statusCode ?? 0, excerpt: excerptOf(chunks) });
            response.destroy();
          };
          response.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            received += chunk.length;
            if (received >= MAX_RESPONSE_BYTES) finish();
          });
          response.on('end', finish);
          // Cut off while reading the body: the status arrived, and that is what counts.
          response.on('error', finish);
        },
      );
      outgoing.on('error', (error) =>
        resolve({ kind: 'error', message: describeError(error), permanent: false }),
      );
      outgoing.end(target.body);
    });
  }
}

/** Hands Node's connect exactly the checked addresses, whatever it asks the resolver for. */
function pinnedLookup(addresses: LookupAddress[]) {
  return (_hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

function excerptOf(chunks: Buffer[]): string {
  const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');

  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').slice(0, RESPONSE_EXCERPT_CHARS);
}

function describeError(error: Error): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'No answer within the timeout';
  const code = (error as NodeJS.ErrnoException).code;
  return (code ? `${code}: ${error.message}` : error.message).slice(0, 500);
}
