import { Pool } from 'pg';
import { workerData } from 'piscina';
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
 * not in its cache and hands the feed over as views on the shared memory its entries are kept in. Parsing ten thousand rows,
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

export default async function renderFeed(
  task: FeedRenderTask,
): Promise<RenderedFeedBody | FeedRenderFailure> {
  try {
    const { parts, events, rendered, entryIndex } = await renderer.render(task);
    return { parts, events, rendered, entryIndex };
  } catch (error) {
    const { message, code } = error as { message?: string; code?: unknown };
    return {
      failed: true,
      message: message ?? String(error),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
}
