import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `pf_` + 16 hex lookup characters + `_` + 256 random bits in base64url. */
const TOKEN_PATTERN = /^pf_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface FeedTokenSecret {
  lookupId: string;
  digest: Buffer;
  /** What goes into the feed URL: shown once, never stored. */
  plaintext: string;
}

export function generateFeedToken(): FeedTokenSecret {
  const lookupId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { lookupId, digest: digest(secret), plaintext: `pf_${lookupId}_${secret}` };
}

/**
 * A token made from 40 bytes the caller derived (8 for the lookup id, 32 for the secret), for a
 * mail job that must write the same URL the request stored the digest of.
 */
export function feedTokenFromSeed(seed: Buffer): FeedTokenSecret {
  if (seed.length < 40) throw new Error('A feed token seed has 40 bytes');
  const lookupId = seed.subarray(0, 8).toString('hex');
  const secret = seed.subarray(8, 40).toString('base64url');
  return { lookupId, digest: digest(secret), plaintext: `pf_${lookupId}_${secret}` };
}

export function parseFeedToken(plaintext: string): { lookupId: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(plaintext);
  return match ? { lookupId: match[1], secret: match[2] } : null;
}

/** Constant-time, so response times tell nothing about how much of a guessed secret was right. */
export function feedSecretMatches(secret: string, storedDigest: Buffer): boolean {
  const candidate = digest(secret);
  return candidate.length === storedDigest.length && timingSafeEqual(candidate, storedDigest);
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
