import type { FeedHeader } from '@app/calendar';
import type { FeedWindow } from './feed-queries';
import type { FeedScope } from './feed-scope';

/** One feed to render, as plain data: it is copied into the render thread. */
export interface FeedRenderTask {
  scope: FeedScope;
  subjectId: string | null;
  header: FeedHeader;
  /** The address every VEVENT names as organiser. */
  organizerEmail: string;
  /** PUBLIC_BASE_URL, for the pages of public events. */
  publicBaseUrl: string;
  /**
   * Personal feeds: by the language an event was written in, the note (in the person's language)
   * that its texts are not translated yet.
   */
  languageNotes?: Partial<Record<string, string>>;
  /** The feed's entry keys, when its state was read just before (FeedQueries.entryKeys). */
  entryList?: string;
  /**
   * The feed as another process rendered it last, when this process's thread did not: its entries
   * go into the entry cache first, so that only what changed since is rendered here.
   */
  seed?: FeedSeed;
}

/** A rendered feed's body with its entry index (see RenderedFeedBody.entryIndex). */
export interface FeedSeed {
  body: Buffer;
  entryIndex: string;
}

/** A rendered feed as it leaves the render thread. */
export interface RenderedFeedBody {
  /** The feed's bytes in order, as views on shared memory: they cross to the API's thread uncopied. */
  parts: Uint8Array[];
  events: number;
  /** Entries rendered for this feed; the others came from the thread's entry cache. */
  rendered: number;
  /** Where each entry sits in the body, under its entry key (see FeedRenderer's entryIndexOf). */
  entryIndex: string;
}

/** What the render thread starts with. */
export interface FeedRenderThreadSetup {
  databaseUrl: string;
  window: FeedWindow;
}

/** A failure in the thread, kept recognisable: an Error's own fields (e.g. pg's code) do not survive the crossing. */
export interface FeedRenderFailure {
  failed: true;
  message: string;
  code?: string;
}
