import { createSecretKey, hkdfSync, KeyObject } from 'node:crypto';

/**
 * The key of one purpose, derived (HKDF-SHA256) from a configured secret: every purpose has its
 * own key, so a token made for one never passes for another, and the version in the purpose's
 * name lets one be replaced alone. Salt and length are fixed: changing them voids every issued link.
 */
export function derivedKeyBytes(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'treffpunkt', purpose, 32));
}

export function derivedKey(secret: string, purpose: string): KeyObject {
  return createSecretKey(derivedKeyBytes(secret, purpose));
}
