import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createCipheriv, createDecipheriv, createHash, KeyObject, randomBytes } from 'node:crypto';
import { answersConfig, derivedKey, httpConfig } from '@app/config';

const TOKEN_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedLink {
  /** What goes into the URL; never stored in the clear. */
  token: string;
  /** sha256(token): the lookup when the link is opened. */
  digest: Buffer;
  /** AES-256-GCM(token), so that a reminder weeks later can carry the same link. */
  sealed: Buffer;
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Answer links: 256 random bits each, stored as a digest for lookup plus a sealed copy for the
 * mails that must repeat the link. A database dump alone opens no link, and revoking or
 * re-issuing a link is just writing a new random token.
 */
@Injectable()
export class AnswerLinks {
  /** A KeyObject rather than bytes: a raw key is checked and wrapped again on every use. */
  private readonly key: KeyObject;
  private readonly baseUrl: string;

  constructor(
    @Inject(answersConfig.KEY) answers: ConfigType<typeof answersConfig>,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.key = derivedKey(answers.linkSecret, 'answer-link-token-seal v1');
    this.baseUrl = http.publicBaseUrl;
  }

  issue(): IssuedLink {
    return this.issueMany(1)[0];
  }

  /** One draw of random bytes for all: ten thousand small draws took 150 ms of an invitation request. */
  issueMany(count: number): IssuedLink[] {
    const random = randomBytes(count * (TOKEN_BYTES + IV_BYTES));
    return Array.from({ length: count }, (_, index) => {
      const start = index * (TOKEN_BYTES + IV_BYTES);
      const token = random.subarray(start, start + TOKEN_BYTES).toString('base64url');
      const iv = random.subarray(start + TOKEN_BYTES, start + TOKEN_BYTES + IV_BYTES);
      return { token, digest: tokenDigest(token), sealed: this.seal(token, iv) };
    });
  }

  /** Links are built from the configured public base URL, never from a request's Host header. */
  url(token: string): string {
    return `${this.baseUrl}/answer/${token}`;
  }

  urlFromSealed(sealed: Buffer): string {
    return this.url(this.tokenFromSealed(sealed));
  }

  /** The participant's programme page, behind the same secret as the answer page. */
  programmeUrl(token: string): string {
    return `${this.url(token)}/programme`;
  }

  programmeUrlFromSealed(sealed: Buffer): string {
    return this.programmeUrl(this.tokenFromSealed(sealed));
  }

  private seal(token: string, iv: Buffer): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const encrypted = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), encrypted]);
  }

  /** The token of a sealed link, e.g. to send someone to their answer page. */
  tokenFromSealed(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new Error('An answer link could not be unsealed: was ANSWER_LINK_SECRET changed?');
    }
  }
}
