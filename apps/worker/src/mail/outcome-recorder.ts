import { DeliveryOutcome, EmailDeliveryService } from '@app/emails';

/** Rows per statement at most; a fan-out at full speed stays far below. */
const MAX_ROWS_PER_WRITE = 1_000;

interface Pending {
  outcome: DeliveryOutcome;
  recorded: () => void;
  failed: (error: unknown) => void;
}

/**
 * Records delivery outcomes as they come, one statement at a time per process, each carrying
 * every outcome that arrived while the one before was written: under load that is many rows per
 * round trip and commit, when quiet one row without waiting.
 */
export class OutcomeRecorder {
  private pending: Pending[] = [];
  private writing = false;

  constructor(private readonly delivery: EmailDeliveryService) {}

  /** Resolves once the outcome is committed. */
  record(outcome: DeliveryOutcome): Promise<void> {
    return new Promise((recorded, failed) => {
      this.pending.push({ outcome, recorded, failed });
      if (!this.writing) void this.writeAll();
    });
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_ROWS_PER_WRITE);
      try {
        await this.delivery.record(batch.map((entry) => entry.outcome));
        batch.forEach((entry) => entry.recorded());
      } catch (error) {
        batch.forEach((entry) => entry.failed(error));
      }
    }
    this.writing = false;
  }
}
