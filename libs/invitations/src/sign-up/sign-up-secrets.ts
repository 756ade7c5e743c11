import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createHash, createHmac, KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';
import { answersConfig, derivedKey } from '@app/config';

/**
 * Leading zero bits the proof of work needs: about 16 000 SHA-256 hashes, well under a second in a
 * browser and nothing to a person, but a cost per submission for whoever sends thousands.
 */
export const PROOF_OF_WORK_BITS = 14;
/** A form sent sooner after it was shown was not filled in by a person. */
export const MINIMUM_FILL_MS = 3_000;
/** How long a shown form can still be sent. */
const CHALLENGE_MAX_AGE_MS = 2 * 60 * 60_000;
const CHALLENGE_PATTERN = /^([0-9a-f-]{36})\.(\d{13})\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;
const LINK_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type ChallengeProblem = 'challenge_invalid' | 'too_fast' | 'proof_missing' | 'proof_invalid';

/** Where a confirmation link leads: a page with a button, so that mail scanners opening it confirm nothing. */
export function signUpConfirmationPath(token: string): string {
  return `/sign-up/${token}`;
}

export function isWellFormedSignUpToken(token: string): boolean {
  return LINK_PATTERN.test(token);
}

export function signUpLinkDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Whether sha256(`challenge:nonce`) starts with `bits` zero bits: the check the page's script works for. */
export function meetsProofOfWork(challenge: string, nonce: string, bits = PROOF_OF_WORK_BITS): boolean {
  const hash = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  for (let bit = 0; bit < bits; bit += 1) {
    if ((hash[bit >> 3] >> (7 - (bit & 7))) & 1) return false;
  }
  return true;
}

/**
 * The secrets of open sign-up, from ANSWER_LINK_SECRET: a confirmation link's token is derived
 * from the sign-up's id (only its digest is stored; the mail job derives it again), and the
 * form's challenge is signed, so the server keeps no state per shown form.
 */
@Injectable()
export class SignUpSecrets {
  private readonly linkKey: KeyObject;
  private readonly challengeKey: KeyObject;

  constructor(@Inject(answersConfig.KEY) answers: ConfigType<typeof answersConfig>) {
    this.linkKey = derivedKey(answers.linkSecret, 'sign-up confirmation link v1');
    this.challengeKey = derivedKey(answers.linkSecret, 'sign-up form challenge v1');
  }

  linkToken(signUpId: string): string {
    return createHmac('sha256', this.linkKey).update(signUpId).digest('base64url');
  }

  /** A challenge for a form about to be shown: the event, the time it was shown, a random part, signed. */
  challenge(eventId: string, now = new Date()): string {
    const unsigned = `${eventId}.${now.getTime()}.${randomBytes(8).toString('hex')}`;
    return `${unsigned}.${this.sign(unsigned)}`;
  }

  /** What is wrong with a sent form's challenge and proof, or null when they hold. */
  check(
    eventId: string,
    challenge: string,
    nonce: string | undefined,
    now = new Date(),
  ): ChallengeProblem | null {
    const match = CHALLENGE_PATTERN.exec(challenge);
    if (!match || match[1] !== eventId) return 'challenge_invalid';
    const expected = Buffer.from(this.sign(`${match[1]}.${match[2]}.${match[3]}`));
    const given = Buffer.from(match[4]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'challenge_invalid';
    const age = now.getTime() - Number(match[2]);
    if (age > CHALLENGE_MAX_AGE_MS || age < -60_000) return 'challenge_invalid';
    if (age < MINIMUM_FILL_MS) return 'too_fast';
    if (!nonce) return 'proof_missing';
    if (!/^\d{1,12}$/.test(nonce) || !meetsProofOfWork(challenge, nonce)) return 'proof_invalid';
    return null;
  }

  private sign(value: string): string {
    return createHmac('sha256', this.challengeKey).update(value).digest('base64url');
  }
}
