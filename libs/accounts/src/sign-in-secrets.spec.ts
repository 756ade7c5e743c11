import { randomUUID } from 'node:crypto';
import { digestsMatch, digest, isWellFormedLink, normaliseCode, SignInSecrets } from './sign-in-secrets';

function secrets(secret: string): SignInSecrets {
  return new SignInSecrets({ signInSecret: secret, sessionIdleMs: 0, sessionMaxMs: 0 });
}

describe(SignInSecrets.name, () => {
  const ours = secrets('a-secret-of-at-least-thirty-two-characters-long');

  it('should derive the same link and code for a request every time, so the mail job can send them', () => {
    const id = randomUUID();
    expect(ours.linkToken(id)).toBe(ours.linkToken(id));
    expect(ours.code(id)).toBe(ours.code(id));
    expect(isWellFormedLink(ours.linkToken(id))).toBe(true);
    expect(ours.code(id)).toMatch(/^\d{8}$/);
  });

  it('should derive different links for different requests and under another secret', () => {
    const id = randomUUID();
    expect(ours.linkToken(id)).not.toBe(ours.linkToken(randomUUID()));
    expect(secrets('another-secret-of-at-least-thirty-two-characters').linkToken(id)).not.toBe(
      ours.linkToken(id),
    );
  });

  it('should store a digest that matches the link and nothing else', () => {
    const token = ours.linkToken(randomUUID());
    expect(digestsMatch(token, digest(token))).toBe(true);
    expect(digestsMatch(`${token.slice(0, -1)}A`, digest(token))).toBe(token.endsWith('A'));
    expect(digest(token).toString('utf8')).not.toContain(token);
  });

  it('should salt the code digest with the request, so equal codes of two requests differ', () => {
    expect(ours.codeDigest(randomUUID(), '12345678').equals(ours.codeDigest(randomUUID(), '12345678'))).toBe(
      false,
    );
  });

  it.each([
    ['1234 5678', '12345678'],
    ['1234-5678', '12345678'],
    [' 12345678 ', '12345678'],
    ['1234567', null],
    ['abcdefgh', null],
  ])('should read the typed code %j as %j', (typed, code) => {
    expect(normaliseCode(typed)).toBe(code);
  });
});
