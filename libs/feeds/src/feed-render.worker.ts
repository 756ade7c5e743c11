import { Pool } from 'pg';
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { FeedQueries } from './feed-queries';
import { FeedRenderer } from './feed-renderer';
import { fastTimestampTypes } from './timestamptz';
import {
  FeedRenderFailure,
  FeedRenderTask,
  FeedRenderThreadSetup,
  RenderedFeedBody,
} from './feed-render-task';

/**
 * The render thread: reads a feed's rows on connections of its own, renders the entries that are
 * not in its cache and joins the feed into one buffer with its ETag. Parsing ten thousand rows,
 * rendering them and collecting the garbage they leave all happen here, off the API's event loop.
 */
const setup = workerData as FeedRenderThreadSetup;
const database = new Pool({
  connectionString: setup.databaseUrl,
  max: 2,
  connectionTimeoutMillis: 5000,
  options: '-c jit=off',
  types: fastTimestampTypes,
});
// A connection that breaks while idle is replaced on next use; the query that needs it reports the outage.
database.on('error', () => undefined);
const renderer = new FeedRenderer(
  new FeedQueries(
    {
      query: async <Row>(sql: string, parameters: unknown[]) =>
        (await database.query(sql, parameters)).rows as Row[],
    },
    setup.window,
  ),
);

/** Hands the body's memory over to the main thread instead of copying megabytes. */
class MovedFeed {
  constructor(private readonly feed: RenderedFeedBody) {}

  get [transferableSymbol](): ArrayBuffer {
    return this.feed.body.buffer;
  }

  get [valueSymbol](): RenderedFeedBody {
    return this.feed;
  }
}

export default async function renderFeed(task: FeedRenderTask): Promise<MovedFeed | FeedRenderFailure> {
  try {
    const rendered = await renderer.render(task);
    const length = rendered.parts.reduce((sum, part) => sum + part.length, 0);
    // Memory of its own (not Buffer's shared pool), so that it can be moved.
    const body = Buffer.allocUnsafeSlow(length);
    let offset = 0;
    for (const part of rendered.parts) offset += part.copy(body, offset);
    return move(
      new MovedFeed({
        body,
        events: rendered.events,
        rendered: rendered.rendered,
        entryIndex: rendered.entryIndex,
      }),
    ) as MovedFeed;
  } catch (error) {
    const { message, code } = error as { message?: string; code?: unknown };
    return {
      failed: true,
      message: message ?? String(error),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
}
