import { LocalFeedCache } from './local-feed-cache';

const feed = (size: number, etag = `"${size}"`) => ({ etag, body: Buffer.alloc(size) });

describe(LocalFeedCache.name, () => {
  it('should return what was stored under a key', () => {
    const cache = new LocalFeedCache(100);
    cache.set('a', feed(10, '"a"'));
    expect(cache.get('a')?.etag).toBe('"a"');
    expect(cache.get('b')).toBeUndefined();
  });

  it('should drop the least recently used feeds once the byte budget is exceeded', () => {
    const cache = new LocalFeedCache(100);
    cache.set('a', feed(40));
    cache.set('b', feed(40));
    cache.get('a');
    cache.set('c', feed(40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('should not keep a feed larger than the whole budget, nor count a replaced entry twice', () => {
    const cache = new LocalFeedCache(100);
    cache.set('huge', feed(101));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('a', feed(60));
    cache.set('a', feed(60));
    cache.set('b', feed(40));
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeDefined();
  });
});
