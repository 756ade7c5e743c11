import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import { databaseConfig } from '@app/config';

/** Where the note_change trigger announces each new version (see the ChangeNotifications migration). */
export const CHANGE_CHANNEL = 'treffpunkt_change_version';
/** How the listening connection shows in pg_stat_activity. */
export const CHANGE_LISTENER_NAME = 'treffpunkt-change-listener';
const READ_VERSION = {
  name: 'treffpunkt-change-version',
  text: 'SELECT version::text AS version FROM change_version',
};
/** A read slower than this counts as a lost connection. */
const TIMEOUT_MS = 5_000;
/**
 * How often the listening connection is asked for the version: a connection that died without
 * the socket noticing is found within this (plus TIMEOUT_MS), and requests then read again.
 */
const HEARTBEAT_MS = 5_000;
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;

/**
 * The change version (see the ChangeVersion migration): a counter every committed change to what
 * feeds, event lists and key checks answer from moves. Answers cached under it are current while
 * it stands still.
 *
 * Each process keeps the version in memory, listening on a connection of its own for the
 * notification the committing transaction sends (LISTEN/NOTIFY): a warm request needs no I/O.
 * The writer's own process has the new version before the write is answered (`catchUp`, called
 * after every write request), so a client never reads its own change as missing there; another
 * process hears of it when PostgreSQL has delivered the notification, some milliseconds after the
 * commit. While the listening connection is not up (at start, after it broke, while it
 * reconnects with backoff), every request reads the version instead, one read shared by all
 * requests that arrive while the previous read runs, so correctness never rests on the listener.
 */
@Injectable()
export class ChangeVersion implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChangeVersion.name);
  /** Connected, listening, and its version read after LISTEN took effect. */
  private listener: Client | null = null;
  /** The newest version heard of or read; trusted only while `listener` is set. */
  private latest = -1n;
  private latestText = '0';
  private waiting: Array<{ resolve(version: string): void; reject(error: Error): void }> = [];
  private reading = false;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(databaseConfig.KEY) private readonly database: ConfigType<typeof databaseConfig>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.connecting;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Whether the version is kept from notifications (else each request reads it). */
  get listening(): boolean {
    return this.listener !== null;
  }

  /** The version, without I/O while listening; else from a read that started after this call. */
  current(): Promise<string> {
    return this.listener ? Promise.resolve(this.latestText) : this.fresh();
  }

  /** The version while listening, without I/O; null when it has to be read (see `current`). */
  known(): string | null {
    return this.listener ? this.latestText : null;
  }

  /**
   * Makes everything committed before this call count in this process: called after a write, so
   * that the writer's next request here is answered from its change. A read, not a wait for the
   * notification: the version read is a fact whichever way it arrives. Never fails: a failed read
   * means the listener can no longer be trusted, and requests read the version meanwhile.
   */
  async catchUp(): Promise<void> {
    const listener = this.listener;
    if (!listener) return;
    try {
      this.heard(await this.fresh());
    } catch (error) {
      this.lost(listener, error as Error);
    }
  }

  /** A read that starts after this call; requests arriving while one runs share the next. */
  private fresh(): Promise<string> {
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

  /** On the listening connection when it is up, through the pool otherwise. */
  private async read(): Promise<string> {
    const listener = this.listener;
    if (!listener) {
      const rows: Array<{ version: string }> = await this.dataSource.query(READ_VERSION.text);
      return rows[0]?.version ?? '0';
    }
    const result = await listener.query<{ version: string }>(READ_VERSION);
    const version = result.rows[0]?.version ?? '0';
    this.heard(version);
    return version;
  }

  private heard(version: string): void {
    const value = BigInt(version);
    if (value <= this.latest) return;
    this.latest = value;
    this.latestText = version;
  }

  private listen(): Promise<void> {
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    this.retry = null;
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.database.url,
      application_name: CHANGE_LISTENER_NAME,
      connectionTimeoutMillis: TIMEOUT_MS,
      query_timeout: TIMEOUT_MS,
      keepAlive: true,
    });
    client.on('notification', (message: Notification) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) this.heard(message.payload);
    });
    client.on('error', (error: Error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection closed')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      // Read after LISTEN took effect: every later commit is then heard of.
      const result = await client.query<{ version: string }>(READ_VERSION);
      this.heard(result.rows[0]?.version ?? '0');
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(
        `Not listening for changes (${(error as Error).message}); requests read the version meanwhile`,
      );
      this.scheduleRetry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    if (this.retryMs !== FIRST_RETRY_MS) this.logger.log('Listening for changes again');
    this.retryMs = FIRST_RETRY_MS;
    this.heartbeat = setInterval(() => void this.catchUp(), HEARTBEAT_MS).unref();
  }

  /** Stops trusting the kept version at once; requests read it until listening again. */
  private lost(client: Client, error: Error): void {
    if (this.listener !== client) return;
    this.listener = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`Stopped listening for changes (${error.message}); requests read the version meanwhile`);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => void this.listen(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
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
