import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_PATTERN = /^tp_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyToken {
  lookupId: string;
  secret: string;
  /** What the user copies: shown once, never stored. */
  plaintext: string;
}

export function generateApiKeyToken(): ApiKeyToken {
  const lookupId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { lookupId, secret, plaintext: `tp_${lookupId}_${secret}` };
}

export function parseApiKeyToken(plaintext: string): { lookupId: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(plaintext.trim());
  return match ? { lookupId: match[1], secret: match[2] } : null;
}

export function digestSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, storedDigest: Buffer): boolean {
  const digest = digestSecret(secret);
  return digest.length === storedDigest.length && timingSafeEqual(digest, storedDigest);
}
