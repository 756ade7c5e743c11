import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { databaseConfig, feedsConfig } from '@app/config';
import { FeedRepresentation } from './feed-body';
import {
  FeedRenderFailure,
  FeedRenderTask,
  FeedRenderThreadSetup,
  RenderedFeedBody,
} from './feed-render-task';

/** Renders waiting on the database overlap; the CPU work is one at a time anyway. */
const RENDERS_AT_ONCE = 4;
/**
 * The render thread runs at a lower priority than the API's own thread, so that on a busy
 * machine requests are answered first and renders take the CPU time that is left.
 */
const RENDER_THREAD_NICENESS = 5;

export interface RenderedFeedRepresentation extends Omit<FeedRepresentation, 'etag'> {
  events: number;
  rendered: number;
  entryIndex: string;
}

/**
 * The feed render thread, started on the first render and kept for the life of the process (its
 * entry cache is what makes a render after a change cheap). One thread: a feed render is mostly
 * CPU, and the API's event loop and PostgreSQL want the other core.
 */
@Injectable()
export class FeedRenderPool implements OnModuleDestroy {
  private pool?: Piscina<FeedRenderTask, RenderedFeedBody | FeedRenderFailure>;

  constructor(
    @Inject(databaseConfig.KEY) private readonly database: ConfigType<typeof databaseConfig>,
    @Inject(feedsConfig.KEY) private readonly feeds: ConfigType<typeof feedsConfig>,
  ) {}

  async render(task: FeedRenderTask): Promise<RenderedFeedRepresentation> {
    const result = await this.thread().run(task);
    if ('failed' in result) throw Object.assign(new Error(result.message), { code: result.code });
    // Structured cloning delivers plain Uint8Arrays over the same shared memory.
    const parts = result.parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength));
    return {
      parts,
      length: parts.reduce((sum, part) => sum + part.length, 0),
      events: result.events,
      rendered: result.rendered,
      entryIndex: result.entryIndex,
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }

  private thread(): Piscina<FeedRenderTask, RenderedFeedBody | FeedRenderFailure> {
    if (this.pool) return this.pool;
    const setup: FeedRenderThreadSetup = {
      databaseUrl: this.database.url,
      window: { pastDays: this.feeds.pastDays, cancelledRetentionDays: this.feeds.cancelledRetentionDays },
    };
    // Built code runs as JavaScript; tests and benchmarks run the TypeScript sources through ts-node.
    const source = extname(__filename) === '.ts';
    this.pool = new Piscina({
      filename: join(__dirname, `feed-render.worker${extname(__filename)}`),
      minThreads: 1,
      maxThreads: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: RENDERS_AT_ONCE,
      // Waiting with Atomics would freeze the thread's own I/O (its database connections) between renders.
      atomics: 'disabled',
      niceIncrement: RENDER_THREAD_NICENESS,
      workerData: setup,
      ...(source
        ? {
            execArgv: [
              '--require',
              'ts-node/register/transpile-only',
              '--require',
              'tsconfig-paths/register',
            ],
          }
        : {}),
    });
    return this.pool;
  }
}
