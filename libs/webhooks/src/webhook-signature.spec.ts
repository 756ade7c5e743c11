import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { generateMessageId, generateWebhookSecret, signedHeaders } from './webhook-signature';

/** The spec's signature, computed here by hand: HMAC-SHA256 of id.timestamp.body with the decoded key. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

describe(signedHeaders.name, () => {
  const body = JSON.stringify({ type: 'event.created', data: { title: 'Städtetag' } });

  it('should issue whsec_ secrets of 32 random bytes and msg_ ids', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateMessageId()).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('should sign id.timestamp.body as the Standard Webhooks spec says', () => {
    const secret = generateWebhookSecret();
    const headers = signedHeaders([secret], 'msg_1', new Date('2026-09-01T10:00:00.900Z'), body);
    expect(headers['webhook-timestamp']).toBe('1788256800');
    expect(headers['webhook-signature']).toBe(expectedSignature(secret, 'msg_1', '1788256800', body));
  });

  it('should be verified by the official library', () => {
    const secret = generateWebhookSecret();
    const headers = signedHeaders([secret], generateMessageId(), new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('should send one signature per valid secret during a rotation, each verifiable alone', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signedHeaders([current, previous], 'msg_2', new Date(), body);
    const signatures = headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures[1]).toBe(expectedSignature(previous, 'msg_2', headers['webhook-timestamp'], body));
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
});
