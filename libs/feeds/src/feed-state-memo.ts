import { FeedState } from './feed-queries';

export interface RememberedState {
  /** Null: the feed did not exist. */
  state: FeedState | null;
  /** When the state was read (Date.now()). */
  at: number;
}

interface Remembered extends RememberedState {
  version: string;
}

/**
 * What each feed contained at a given change version (see the ChangeVersion migration). While the
 * version has not moved nothing a feed shows has changed, so the summary need not be queried
 * again. Entries also expire after `ttlMs`, because feeds depend on the clock as well (past
 * events and cancelled ones leave after a while).
 */
export class FeedStateMemo {
  private readonly entries = new Map<string, Remembered>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  /** The remembered state, or undefined when it must be queried. */
  get(scope: string, version: string, now = Date.now()): RememberedState | undefined {
    const entry = this.entries.get(scope);
    if (!entry || entry.version !== version || now - entry.at > this.ttlMs) return undefined;
    return { state: entry.state, at: entry.at };
  }

  set(scope: string, version: string, state: FeedState | null, now = Date.now()): void {
    this.entries.delete(scope);
    this.entries.set(scope, { version, state, at: now });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
