import { Logger } from '@nestjs/common';
import cluster, { Worker } from 'node:cluster';

/** A process that ends sooner than this after its start counts as failing to start. */
const STARTUP_WINDOW_MS = 30_000;
/** Failed starts in a row after which the primary gives up instead of forking forever. */
const FAILED_STARTS_ALLOWED = 3;
/** After SIGTERM, how long the primary waits for its processes before ending them. */
const SHUTDOWN_LIMIT_MS = 40_000;

/**
 * Runs the API in `count` processes that share its port through node:cluster, because one Node
 * thread keeps one core busy at most. The primary only forks, replaces a process that died, and
 * passes SIGTERM and SIGINT on; each process is a whole API, since the API keeps no state that a
 * process must own alone (its caches follow the change version in PostgreSQL and Redis).
 */
export function runApiProcesses(count: number, start: () => Promise<void>): void {
  if (count <= 1 || !cluster.isPrimary) {
    void start();
    return;
  }
  const logger = new Logger('ApiProcesses');
  const startedAt = new Map<number, number>();
  let failedStarts = 0;
  let stopping = false;

  const fork = (): void => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (startedAt.size === 0) process.exit();
      return;
    }
    failedStarts = lived < STARTUP_WINDOW_MS ? failedStarts + 1 : 0;
    logger.error(`API process ${worker.process.pid} ended (${signal ?? `exit code ${code}`})`);
    if (failedStarts >= FAILED_STARTS_ALLOWED) {
      logger.error(`API processes keep failing to start; giving up after ${failedStarts} attempts`);
      process.exitCode = 1;
      stopAll('SIGTERM');
      return;
    }
    fork();
  });

  const stopAll = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    if (startedAt.size === 0) process.exit();
  };
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));

  logger.log(`Starting ${count} API processes`);
  for (let started = 0; started < count; started++) fork();
}
