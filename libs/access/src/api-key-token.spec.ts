import { digestSecret, generateApiKeyToken, parseApiKeyToken, secretMatches } from './api-key-token';

describe('API key token', () => {
  it('should issue keys as tp_<lookup id>_<secret> with 256 random bits of secret', () => {
    const token = generateApiKeyToken();
    expect(token.plaintext).toMatch(/^tp_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(token.plaintext).toBe(`tp_${token.lookupId}_${token.secret}`);
    expect(Buffer.from(token.secret, 'base64url')).toHaveLength(32);
  });

  it('should never issue the same key twice', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateApiKeyToken().plaintext));
    expect(tokens.size).toBe(200);
  });

  it('should split a pasted key into lookup id and secret, forgiving surrounding whitespace', () => {
    const token = generateApiKeyToken();
    expect(parseApiKeyToken(`  ${token.plaintext}\n`)).toEqual({
      lookupId: token.lookupId,
      secret: token.secret,
    });
  });

  it.each([
    ['an empty string', ''],
    ['a bearer prefix left in', `Bearer ${generateApiKeyToken().plaintext}`],
    ['another vendor prefix', 'sk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a shortened secret', 'tp_0123456789abcdef_AAAA'],
    ['an upper-case lookup id', 'tp_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['characters outside base64url', 'tp_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ])('should not take %s for a key', (_, text) => {
    expect(parseApiKeyToken(text)).toBeNull();
  });

  it('should store a SHA-256 digest, not the secret', () => {
    const { secret } = generateApiKeyToken();
    const digest = digestSecret(secret);
    expect(digest).toHaveLength(32);
    expect(digest.toString('utf8')).not.toContain(secret);
  });

  it('should match the right secret and refuse any other', () => {
    const { secret } = generateApiKeyToken();
    const stored = digestSecret(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(generateApiKeyToken().secret, stored)).toBe(false);
    expect(secretMatches(`${secret.slice(0, -1)}x`, stored)).toBe(false);
  });

  it('should refuse a stored digest of the wrong length without throwing', () => {
    expect(secretMatches(generateApiKeyToken().secret, Buffer.alloc(16))).toBe(false);
  });

  it('should compare digests in constant time', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS object the module calls into
    const compare = jest.spyOn(require('node:crypto') as typeof import('node:crypto'), 'timingSafeEqual');
    const { secret } = generateApiKeyToken();
    secretMatches(secret, digestSecret(secret));
    expect(compare).toHaveBeenCalledTimes(1);
    compare.mockRestore();
  });
});
