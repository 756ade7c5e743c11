export interface CachedFeed {
  etag: string;
  body: Buffer;
  gzipEtag?: string;
  gzip?: Buffer;
}

/**
 * The feeds this process served last, least recently used first out, bounded in bytes. Safe with
 * several processes because keys are made from what a feed contains: a change anywhere gives the
 * feed a new key, so an entry here is never stale, only unused.
 */
export class LocalFeedCache {
  private readonly entries = new Map<string, CachedFeed>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedFeed | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedFeed): void {
    this.remove(key);
    const size = sizeOf(entry);
    if (size > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldestKey] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldestKey);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(entry);
  }
}

function sizeOf(entry: CachedFeed): number {
  return entry.body.length + (entry.gzip?.length ?? 0);
}
