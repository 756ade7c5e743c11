import { AnswerLinks, isWellFormedToken, tokenDigest } from './answer-links';

function links(secret = 'a-secret-of-at-least-thirty-two-characters') {
  return new AnswerLinks(
    { linkSecret: secret },
    {
      apiPort: 3000,
      apiProcesses: 1,
      workerHealthPort: 3001,
      publicBaseUrl: 'https://treffpunkt.example.org',
      trustProxy: false,
    },
  );
}

describe(AnswerLinks.name, () => {
  it('should issue 256-bit random tokens that look up by their sha256 digest', () => {
    const issued = links().issue();
    expect(Buffer.from(issued.token, 'base64url')).toHaveLength(32);
    expect(isWellFormedToken(issued.token)).toBe(true);
    expect(issued.digest.equals(tokenDigest(issued.token))).toBe(true);
    expect(links().issue().token).not.toBe(issued.token);
  });

  it('should rebuild the same link later from the sealed token, on the configured public address', () => {
    const answerLinks = links();
    const issued = answerLinks.issue();
    expect(issued.sealed.includes(Buffer.from(issued.token))).toBe(false);
    expect(answerLinks.urlFromSealed(issued.sealed)).toBe(
      `https://treffpunkt.example.org/answer/${issued.token}`,
    );
  });

  it('should refuse to open a sealed token with another secret instead of building a wrong link', () => {
    const issued = links().issue();
    expect(() => links('another-secret-of-at-least-thirty-two-chars').urlFromSealed(issued.sealed)).toThrow(
      /ANSWER_LINK_SECRET/,
    );
  });

  it('should tell malformed tokens apart without a database lookup', () => {
    expect(isWellFormedToken('short')).toBe(false);
    expect(isWellFormedToken(`${'A'.repeat(42)}=`)).toBe(false);
    expect(isWellFormedToken(`${'A'.repeat(42)}/`)).toBe(false);
  });
});
