import { DataSource } from 'typeorm';
import { CHANGE_LISTENER_NAME, ChangeVersion, databaseOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { timed } from './api-harness';

/**
 * The change version each process keeps from PostgreSQL's notifications, against a real
 * PostgreSQL: what it hears, what a write makes it count at once, and what it does while its
 * listening connection is gone.
 */
describe(ChangeVersion.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let writer: DataSource;
  let changes: ChangeVersion;

  /** A committed change on a connection of the writer's, as another process makes it. */
  const changeElsewhere = () =>
    timed(() =>
      writer.query(
        `INSERT INTO organisations (name, code, country, time_zone, default_locale)
         VALUES ('Stadt ' || md5(random()::text), upper(substr(md5(random()::text), 1, 8)), 'DE', 'Europe/Berlin', 'de')`,
      ),
    );
  const storedVersion = async () =>
    (await writer.query<Array<{ version: string }>>(`SELECT version::text AS version FROM change_version`))[0]
      .version;

  /**
   * Asks `check` until it holds, for at most ten times `workMs` (the work whose outcome it waits
   * for), and at least `floorMs`.
   */
  async function until(
    check: () => boolean | Promise<boolean>,
    workMs: number,
    floorMs = 250,
  ): Promise<void> {
    const deadline = performance.now() + Math.max(10 * workMs, floorMs);
    while (!(await check())) {
      if (performance.now() > deadline) throw new Error('Did not happen in time');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(databaseOptions(database.url)).initialize();
    writer = await new DataSource(databaseOptions(database.url)).initialize();
  });

  beforeEach(async () => {
    changes = new ChangeVersion({ url: database.url }, dataSource);
    await changes.onModuleInit();
  });

  afterEach(() => changes.onModuleDestroy());

  afterAll(async () => {
    await dataSource.destroy();
    await writer.destroy();
    await database.drop();
  });

  it('should hear of a change committed by another connection, and answer from memory', async () => {
    expect(changes.listening).toBe(true);
    const before = await changes.current();
    expect(before).toBe(await storedVersion());

    const write = await changeElsewhere();
    const committed = await storedVersion();
    expect(BigInt(committed)).toBeGreaterThan(BigInt(before));
    await until(() => changes.known() === committed, write.ms);
    await expect(changes.current()).resolves.toBe(committed);
  });

  it('should count a change at once after catching up, without waiting for its notification', async () => {
    await changeElsewhere();
    const committed = await storedVersion();
    await changes.catchUp();
    expect(changes.known()).toBe(committed);
  });

  it('should move the version once per transaction, announced only when it commits', async () => {
    const before = await storedVersion();
    const heard: string[] = [];
    const runner = writer.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      for (const name of ['Stadt Arnsberg', 'Stadt Sundern']) {
        await runner.query(
          `INSERT INTO organisations (name, code, country, time_zone, default_locale)
           VALUES ($1, upper(substr(md5(random()::text), 1, 8)), 'DE', 'Europe/Berlin', 'de')`,
          [name],
        );
      }
      const uncommitted = await timed(() => changes.catchUp());
      heard.push(changes.known()!);
      const commit = await timed(() => runner.commitTransaction());
      await until(() => changes.known() !== before, commit.ms + uncommitted.ms);
    } finally {
      await runner.release();
    }
    expect(heard).toEqual([before]);
    expect(changes.known()).toBe(String(BigInt(before) + 1n));
  });

  it('should read the version per request while not listening, and listen again', async () => {
    const cut = await timed(() =>
      writer.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = $1 AND datname = current_database()`,
        [CHANGE_LISTENER_NAME],
      ),
    );
    await until(() => !changes.listening, cut.ms);
    expect(changes.known()).toBeNull();

    await changeElsewhere();
    // No notification can arrive now: the answer is a read made after the commit.
    await expect(changes.current()).resolves.toBe(await storedVersion());

    // The first retry comes after 100 ms; connecting and reading are a few round trips.
    const roundTrip = await timed(() => storedVersion());
    await until(() => changes.listening, 4 * roundTrip.ms, 100 + 1_000);
    await expect(changes.current()).resolves.toBe(await storedVersion());
  });
});
