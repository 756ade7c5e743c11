import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseConfig } from '@app/config';

const READ_VERSION = {
  name: 'treffpunkt-change-version',
  text: 'SELECT version::text AS version FROM change_version',
};
/** A read slower than this counts as a lost connection; the next reads use a new one. */
const TIMEOUT_MS = 5_000;

interface Waiter {
  resolve(version: string): void;
  reject(error: Error): void;
}

/**
 * The change version (see the ChangeVersion migration): a counter every committed change to what
 * feeds, event lists and key checks answer from moves. Answers cached under it are current while
 * it stands still. Every request gets it at the cost of one small read for all requests that
 * arrive while the previous read runs.
 *
 * Every request needs a version read that started after it arrived: that read sees every commit
 * the client could have heard of, so a change made through another process is never missed.
 * Listening for notifications instead would save the read but not be exact: PostgreSQL signals
 * the listening backends when a commit happens, yet each must be scheduled to pass it on, and on a
 * busy machine that took up to 50 ms after the writer had its answer. So requests queue for the
 * next read on a connection of this process's own; one read answers the whole queue.
 */
@Injectable()
export class ChangeVersion implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChangeVersion.name);
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private waiting: Waiter[] = [];
  private reading = false;
  private stopped = false;

  constructor(
    @Inject(databaseConfig.KEY) private readonly database: ConfigType<typeof databaseConfig>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connection().catch((error: Error) =>
      this.logger.warn(`No connection for the change version yet (${error.message}); retrying on demand`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /**
   * The change version as of a read that started after this call: on this process's own
   * connection, or through the pool while that connection is down.
   */
  async current(): Promise<string> {
    try {
      return await this.next();
    } catch (error) {
      this.logger.warn(`Reading the change version through the pool: ${(error as Error).message}`);
      const rows: Array<{ version: string }> = await this.dataSource.query(READ_VERSION.text);
      return rows[0]?.version ?? '0';
    }
  }

  private next(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.reading) void this.readForWaiting();
    });
  }

  private async readForWaiting(): Promise<void> {
    this.reading = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        const version = await this.read();
        for (const waiter of batch) waiter.resolve(version);
      } catch (error) {
        for (const waiter of batch) waiter.reject(error as Error);
      }
    }
    this.reading = false;
  }

  private async read(): Promise<string> {
    if (this.stopped) throw new Error('The change version connection is closed');
    const client = await this.connection();
    try {
      const result = await client.query<{ version: string }>(READ_VERSION);
      return result.rows[0]?.version ?? '0';
    } catch (error) {
      this.forget(client);
      throw error;
    }
  }

  private connection(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<Client> {
    const client = new Client({
      connectionString: this.database.url,
      connectionTimeoutMillis: TIMEOUT_MS,
      query_timeout: TIMEOUT_MS,
      keepAlive: true,
    });
    client.on('error', () => this.forget(client));
    client.on('end', () => this.forget(client));
    await client.connect();
    if (this.stopped) {
      await client.end();
      throw new Error('The change version connection is closed');
    }
    this.client = client;
    return client;
  }

  /** Drops a broken connection; the next read opens a new one. */
  private forget(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
  }
}

/**
 * Values read from the database at a change version, kept while the version stands still: the
 * first request at a newer version forgets them all. A value read after a version was read is at
 * least that new; one whose read began before a newer version was seen is not kept.
 */
export class VersionedMemo<Value> {
  private readonly values = new Map<string, Value>();
  private version: bigint | null = null;

  /** `capacity`: values kept at most; beyond it the memo starts afresh. */
  constructor(private readonly capacity: number) {}

  get(key: string, version: string): Value | undefined {
    const seen = BigInt(version);
    if (this.version === seen) return this.values.get(key);
    if (this.version === null || seen > this.version) {
      this.values.clear();
      this.version = seen;
    }
    return undefined;
  }

  /** `version`: the one read before the value's read began (and passed to `get` first). */
  set(key: string, version: string, value: Value): void {
    if (this.version !== BigInt(version)) return;
    if (this.values.size >= this.capacity) this.values.clear();
    this.values.set(key, value);
  }
}
