import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createHash, createHmac, KeyObject, timingSafeEqual } from 'node:crypto';
import { accountsConfig, derivedKey } from '@app/config';

const LINK_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Eight digits: typed from a phone's mail app on a laptop; CODE_ATTEMPTS wrong tries end the request. */
const CODE_PATTERN = /^\d{8}$/;

/** Where a sign-in link leads: the console's confirmation page. */
export function signInPath(token: string): string {
  return `/console/sign-in/${token}`;
}

export function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function digestsMatch(value: string, stored: Buffer): boolean {
  const computed = digest(value);
  return computed.length === stored.length && timingSafeEqual(computed, stored);
}

/** What someone typed as a code, without spaces and dashes, if it can be one at all. */
export function normaliseCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '');
  return CODE_PATTERN.test(code) ? code : null;
}

export function isWellFormedLink(token: string): boolean {
  return LINK_PATTERN.test(token);
}

/**
 * A sign-in request's link token and code are derived from its id with a key from
 * SIGN_IN_SECRET: the database stores only their digests (a dump opens nothing), and the mail job
 * derives them again when it sends, so nothing readable waits in the outbox either.
 */
@Injectable()
export class SignInSecrets {
  private readonly key: KeyObject;

  constructor(@Inject(accountsConfig.KEY) accounts: ConfigType<typeof accountsConfig>) {
    this.key = derivedKey(accounts.signInSecret, 'sign-in link and code v1');
  }

  linkToken(requestId: string): string {
    return createHmac('sha256', this.key).update(`link:${requestId}`).digest('base64url');
  }

  code(requestId: string): string {
    const number = createHmac('sha256', this.key).update(`code:${requestId}`).digest().readUInt32BE(0);
    return String(number % 100_000_000).padStart(8, '0');
  }

  /** The code's digest is salted with the request's id: the same code of two requests differs. */
  codeDigest(requestId: string, code: string): Buffer {
    return digest(`${requestId}:${code}`);
  }
}
