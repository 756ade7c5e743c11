import { VersionedMemo } from './change-version';

describe(VersionedMemo.name, () => {
  it('should give back a value only at the version it was read at', () => {
    const memo = new VersionedMemo<string>(10);
    expect(memo.get('page', '7')).toBeUndefined();
    memo.set('page', '7', 'seven');
    expect(memo.get('page', '7')).toBe('seven');
    expect(memo.get('page', '8')).toBeUndefined();
    expect(memo.get('page', '8')).toBeUndefined();
  });

  it('should not keep a value whose read began before a newer version was seen', () => {
    const memo = new VersionedMemo<string>(10);
    memo.get('page', '7');
    memo.get('other', '9');
    memo.set('page', '7', 'read at seven');
    expect(memo.get('page', '9')).toBeUndefined();
    expect(memo.get('page', '7')).toBeUndefined();
  });

  it('should not let an older version forget what a newer one read', () => {
    const memo = new VersionedMemo<string>(10);
    memo.get('page', '10');
    memo.set('page', '10', 'ten');
    expect(memo.get('page', '9')).toBeUndefined();
    expect(memo.get('page', '10')).toBe('ten');
  });

  it('should compare versions as numbers, not as text', () => {
    const memo = new VersionedMemo<string>(10);
    memo.get('page', '10');
    memo.set('page', '10', 'ten');
    expect(memo.get('page', '9')).toBeUndefined();
    expect(memo.get('page', '10')).toBe('ten');
    expect(memo.get('page', '100')).toBeUndefined();
  });

  it('should start afresh beyond its capacity', () => {
    const memo = new VersionedMemo<number>(2);
    memo.get('a', '1');
    memo.set('a', '1', 1);
    memo.set('b', '1', 2);
    memo.set('c', '1', 3);
    expect(memo.get('a', '1')).toBeUndefined();
    expect(memo.get('c', '1')).toBe(3);
  });
});
