/**
 * Bounds the emails of this process that are claimed but whose outcome is not recorded yet: the
 * ones a crash would leave `sending`, to be sent again with the same Message-ID. Takers wait in
 * the order they came.
 */
export class SendWindow {
  private available: number;
  private readonly waiting: Array<{ count: number; grant: (granted: boolean) => void }> = [];
  private closed = false;

  constructor(readonly size: number) {
    this.available = size;
  }

  /**
   * Resolves true once `count` places (at most `size`) are taken, or false when the window
   * closed before: the worker is shutting down and takes up no more emails.
   */
  take(count: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.waiting.length === 0 && this.available >= count) {
      this.available -= count;
      return Promise.resolve(true);
    }
    return new Promise((grant) => this.waiting.push({ count, grant }));
  }

  give(count: number): void {
    this.available += count;
    while (!this.closed && this.waiting.length > 0 && this.available >= this.waiting[0].count) {
      const next = this.waiting.shift()!;
      this.available -= next.count;
      next.grant(true);
    }
  }

  /** Refuses every waiting and later taker; places already taken are still given back. */
  close(): void {
    this.closed = true;
    this.waiting.splice(0).forEach((taker) => taker.grant(false));
  }
}
