import { createCipheriv, createDecipheriv, KeyObject, randomBytes } from 'node:crypto';
import { derivedKey } from '@app/config';

/** From leaving for the provider to coming back: a login and a consent screen, with time to spare. */
export const FLOW_VALIDITY_MS = 10 * 60_000;

/**
 * What one browser's sign-in at the provider must come back with: the `state` and `nonce` sent,
 * and the PKCE verifier whose challenge was sent.
 */
export interface SingleSignOnFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key that seals flows, derived from SIGN_IN_SECRET apart from the one of links and codes. */
export function flowKey(signInSecret: string): KeyObject {
  return derivedKey(signInSecret, 'single sign-on flow v1');
}

/**
 * The flow, sealed (AES-256-GCM) for a short-lived cookie: the browser holds it but can neither
 * read the verifier nor change anything without the seal breaking, and no table is needed.
 */
export function sealFlow(key: KeyObject, flow: SingleSignOnFlow): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The flow in a cookie if it is ours, whole and not expired; null otherwise. */
export function openFlow(
  key: KeyObject,
  sealed: string | undefined,
  now = Date.now(),
): SingleSignOnFlow | null {
  if (!sealed) return null;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const flow = JSON.parse(text.toString('utf8')) as SingleSignOnFlow;
    return flow.expiresAt > now ? flow : null;
  } catch {
    // A broken seal is what a forged or truncated cookie looks like: no flow.
    return null;
  }
}
