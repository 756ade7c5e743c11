import { MINIMUM_FILL_MS, meetsProofOfWork, SignUpSecrets } from './sign-up-secrets';

const EVENT_ID = '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b';
const secrets = new SignUpSecrets({ linkSecret: 'a secret long enough for the tests' });

function solve(challenge: string): string {
  for (let nonce = 0; ; nonce += 1) if (meetsProofOfWork(challenge, String(nonce))) return String(nonce);
}

describe(SignUpSecrets.name, () => {
  const shown = new Date('2027-05-01T10:00:00Z');
  const later = new Date(shown.getTime() + MINIMUM_FILL_MS + 1_000);

  it('should accept a challenge of the event with its proof of work, sent after the minimum fill time', () => {
    const challenge = secrets.challenge(EVENT_ID, shown);
    expect(secrets.check(EVENT_ID, challenge, solve(challenge), later)).toBeNull();
  });

  it('should refuse a form sent sooner than a person fills it in', () => {
    const challenge = secrets.challenge(EVENT_ID, shown);
    expect(secrets.check(EVENT_ID, challenge, solve(challenge), new Date(shown.getTime() + 500))).toBe(
      'too_fast',
    );
  });

  it('should refuse a missing or wrong proof', () => {
    const challenge = secrets.challenge(EVENT_ID, shown);
    expect(secrets.check(EVENT_ID, challenge, undefined, later)).toBe('proof_missing');
    const wrong = ['0', '1', '2', '3'].find((nonce) => !meetsProofOfWork(challenge, nonce))!;
    expect(secrets.check(EVENT_ID, challenge, wrong, later)).toBe('proof_invalid');
    expect(secrets.check(EVENT_ID, challenge, 'abc', later)).toBe('proof_invalid');
  });

  it('should refuse a challenge that is forged, of another event or too old', () => {
    const challenge = secrets.challenge(EVENT_ID, shown);
    const forged = challenge.replace(/\.\d{13}\./, `.${shown.getTime() - 10_000}.`);
    expect(secrets.check(EVENT_ID, forged, solve(forged), later)).toBe('challenge_invalid');
    expect(secrets.check('7f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b', challenge, solve(challenge), later)).toBe(
      'challenge_invalid',
    );
    const dayLater = new Date(shown.getTime() + 24 * 3600_000);
    expect(secrets.check(EVENT_ID, challenge, solve(challenge), dayLater)).toBe('challenge_invalid');
  });

  it('should derive the same link token from a sign-up id, and another for another id', () => {
    expect(secrets.linkToken(EVENT_ID)).toBe(secrets.linkToken(EVENT_ID));
    expect(secrets.linkToken(EVENT_ID)).not.toBe(secrets.linkToken('7f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b'));
    expect(secrets.linkToken(EVENT_ID)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
