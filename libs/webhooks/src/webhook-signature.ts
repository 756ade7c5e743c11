import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Secrets as the Standard Webhooks spec writes them: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Message ids as the spec recommends them: unique per message, the same on every retry. */
export function generateMessageId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

/**
 * The headers of one attempt. Each secret signs; while a rotated-out secret is still valid, both
 * signatures go out, space-separated, so receivers can switch secrets without losing a message.
 */
export function signedHeaders(
  secrets: readonly string[],
  messageId: string,
  timestamp: Date,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(messageId, timestamp, body))
      .join(' '),
  };
}
