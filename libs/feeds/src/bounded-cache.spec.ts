import { BoundedCache } from './bounded-cache';

const bytes = (value: Buffer) => value.length;

describe(BoundedCache.name, () => {
  it('should return what was stored under a key', () => {
    const cache = new BoundedCache(100, bytes);
    cache.set('a', Buffer.from('a'));
    expect(cache.get('a')?.toString()).toBe('a');
    expect(cache.get('b')).toBeUndefined();
  });

  it('should drop the least recently used values once the size is exceeded', () => {
    const cache = new BoundedCache(100, bytes);
    cache.set('a', Buffer.alloc(40));
    cache.set('b', Buffer.alloc(40));
    cache.get('a');
    cache.set('c', Buffer.alloc(40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('should not keep a value larger than the whole budget, nor count a replaced one twice', () => {
    const cache = new BoundedCache(100, bytes);
    cache.set('huge', Buffer.alloc(101));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('a', Buffer.alloc(60));
    cache.set('a', Buffer.alloc(60));
    cache.set('b', Buffer.alloc(40));
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeDefined();
  });

  it('should count a value again after it grew', () => {
    const cache = new BoundedCache(100, (value: { parts: Buffer[] }) =>
      value.parts.reduce((sum, part) => sum + part.length, 0),
    );
    const grown = { parts: [Buffer.alloc(50)] };
    cache.set('a', grown);
    cache.set('b', { parts: [Buffer.alloc(40)] });
    grown.parts.push(Buffer.alloc(20));
    cache.resize('a');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(grown);
  });
});
