import { derivedKey, derivedKeyBytes } from './derived-keys';

const SECRET = 'a secret of at least thirty-two chars';

describe('derivedKeyBytes', () => {
  it('should derive the same key as when the links already sent were made', () => {
    expect(derivedKeyBytes(SECRET, 'check-in code v1').toString('hex')).toBe(
      '1478edaa4a0d628b50bc3c9bf6c791d7343155303febcdb4885ed07ce57feb73',
    );
  });

  it('should derive another key for another purpose', () => {
    expect(
      derivedKeyBytes(SECRET, 'check-in code v2').equals(derivedKeyBytes(SECRET, 'check-in code v1')),
    ).toBe(false);
  });
});

describe('derivedKey', () => {
  it('should hold the derived bytes as a secret key', () => {
    expect(
      derivedKey(SECRET, 'check-in code v1').export().equals(derivedKeyBytes(SECRET, 'check-in code v1')),
    ).toBe(true);
  });
});
