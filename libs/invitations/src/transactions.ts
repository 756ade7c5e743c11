import { DataSource, EntityManager } from 'typeorm';
import { postgresErrorCode } from '@app/database';

/** Thrown inside a transaction whose locks turned out not to cover what it must change. */
export class RetryTransaction extends Error {
  constructor() {
    super('The rows to lock changed meanwhile; the transaction is run again.');
  }
}

const DEADLOCK_DETECTED = '40P01';
const SERIALIZATION_FAILURE = '40001';
const ATTEMPTS = 5;

/**
 * Runs work in a transaction and runs it again when it lost a race: a deadlock Postgres broke, or
 * a set of rows to lock that grew between reading and locking it. Nothing half-done survives.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code = postgresErrorCode(error);
      const lostRace =
        error instanceof RetryTransaction || code === DEADLOCK_DETECTED || code === SERIALIZATION_FAILURE;
      if (!lostRace || attempt >= ATTEMPTS) throw error;
    }
  }
}
