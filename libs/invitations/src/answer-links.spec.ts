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

  it('should issue many links at once, each with its own token and its own nonce, each opening', () => {
    const answerLinks = links();
    const issued = answerLinks.issueMany(1_000);
    expect(new Set(issued.map((link) => link.token)).size).toBe(1_000);
    // AES-GCM breaks when a key meets one nonce twice: the first 12 bytes of a sealed token are its nonce.
    expect(new Set(issued.map((link) => link.sealed.subarray(0, 12).toString('hex'))).size).toBe(1_000);
    for (const link of issued) {
      expect(isWellFormedToken(link.token)).toBe(true);
      expect(link.digest.equals(tokenDigest(link.token))).toBe(true);
      expect(answerLinks.tokenFromSealed(link.sealed)).toBe(link.token);
    }
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
