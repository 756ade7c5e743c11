import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  CalendarEntryDetails,
  EncodedEntry,
  EntryZones,
  feedFrame,
  feedParts,
  renderFeedEntry,
} from '@app/calendar';
import { BoundedCache } from './bounded-cache';
import { withHosting } from './feed-hosting';
import { FeedQueries, FeedRow } from './feed-queries';
import { FeedRenderTask, FeedSeed } from './feed-render-task';
import { scopeIdentity } from './feed-scope';
import { eventPageUrl } from './public-urls';
import { joinedViews, SharedSlabs } from './shared-slabs';

/** Rendered VEVENTs kept per process: some 80,000 entries of a typical size. */
const ENTRY_CACHE_BYTES = 64 * 1024 * 1024;
/** The feeds this process rendered before, whose entries it may still hold. */
const REMEMBERED_FEEDS = 10_000;
/** Longest stretch of work before the thread takes its next message. */
const SLICE_MS = 8;

export interface RenderedFeed {
  /** The feed's bytes in order, as views on shared memory (see SharedSlabs). */
  parts: Buffer[];
  events: number;
  /** Entries rendered for this feed; the others came from the entry cache. */
  rendered: number;
  /** Where each entry sits in the joined parts, under its entry key (see entryIndexOf). */
  entryIndex: string;
}

/** An entry's place in a feed body: its entry key, byte length and zones, in feed order. */
type IndexedEntry = [
  key: string,
  length: number,
  startZone: string | null,
  endZone: string | null,
  years: EntryZones['years'],
];

/** The entries of a feed body: the offset of the first, then each in order. */
interface EntryIndex {
  start: number;
  entries: IndexedEntry[];
}

/** A rendered entry as the thread keeps it, with its place in an entry index written out once. */
interface KeptEntry extends EncodedEntry {
  /** Its IndexedEntry as JSON. */
  indexed: string;
}

/**
 * Renders a feed from its events' VEVENTs, keeping each rendered entry under its entry key (what
 * the VEVENT shows, see FeedQueries): after a change only the changed events are read and
 * rendered, and the feed is put together from the kept entries around its header, VTIMEZONEs and
 * footer, byte for byte what rendering it whole gives. It runs in the render thread (see
 * FeedRenderPool), whose entry cache lives as long as the thread.
 */
export class FeedRenderer {
  /** Public and personal entries of one event differ (status, alarms), so each kind has its own. */
  private readonly entries = {
    public: new BoundedCache<KeptEntry>(ENTRY_CACHE_BYTES / 2, sizeOf),
    personal: new BoundedCache<KeptEntry>(ENTRY_CACHE_BYTES / 2, sizeOf),
  };
  private readonly renderedBefore = new BoundedCache<true>(REMEMBERED_FEEDS, () => 1);
  private readonly slabs = new SharedSlabs();

  constructor(private readonly queries: FeedQueries) {}

  async render(task: FeedRenderTask): Promise<RenderedFeed> {
    const { scope, subjectId, header, entryList } = task;
    const details = (row: FeedRow): CalendarEntryDetails => entryDetails(task, row);
    const cache = this.entries[scope.kind === 'personal' ? 'personal' : 'public'];
    const identity = scopeIdentity(scope);
    if (task.seed) {
      await this.seed(cache, task.seed);
      this.renderedBefore.set(identity, true);
    }
    const entryOf = (row: FeedRow): KeptEntry => {
      const languageNote = row.fellBackTo ? task.languageNotes?.[row.fellBackTo] : undefined;
      const hosted = withHosting(row);
      const { text, ...zones } = renderFeedEntry(
        languageNote ? { ...hosted, languageNote } : hosted,
        details(row),
      );
      // A slice of a shared slab: allocating an ArrayBuffer of its own per entry took 6 % of the
      // render thread's time in a CPU profile of the feed benchmark. An evicted entry frees its
      // memory once the few entries rendered next to it (mostly of the same feed) are gone too.
      const entry = kept(row.entryKey ?? '', { ...zones, bytes: this.slabs.write(text) });
      cache.set(row.entryKey ?? '', entry);
      return entry;
    };
    const rendered = (entries: KeptEntry[], renderedAnew: number): RenderedFeed => {
      const parts = feedParts(feedFrame(header), entries);
      return {
        parts: joinedViews(parts.map((part) => this.slabs.share(part))),
        events: entries.length,
        rendered: renderedAnew,
        entryIndex: entryIndexOf(parts, entries),
      };
    };

    if (this.renderedBefore.get(identity)) {
      const list = entryList ?? (await this.queries.entryKeys(scope, subjectId));
      const keys = list ? list.split(',') : [];
      const inCache: Array<KeptEntry | undefined> = [];
      const missing: string[] = [];
      await inSlices(keys, (key) => {
        const entry = cache.get(key);
        inCache.push(entry);
        if (!entry) missing.push(key.slice(0, key.indexOf(' ')));
      });
      if (missing.length < keys.length) {
        const rows = missing.length ? await this.queries.rows(scope, subjectId, missing) : [];
        const fresh = new Map<string, KeptEntry>();
        await inSlices(rows, (row) => fresh.set(row.entryKey ?? '', entryOf(row)));
        const entries = keys.map((key, index) => inCache[index] ?? fresh.get(key));
        // An event that changed again since its key was read is missing: render the feed whole.
        if (entries.every((entry): entry is KeptEntry => entry !== undefined)) {
          return rendered(entries, rows.length);
        }
      }
    }

    const rows = await this.queries.rows(scope, subjectId);
    const entries: KeptEntry[] = [];
    await inSlices(rows, (row) => entries.push(entryOf(row)));
    this.renderedBefore.set(identity, true);
    return rendered(entries, rows.length);
  }

  /** Puts the entries of a feed body rendered elsewhere into the entry cache, as slices of it. */
  private async seed(cache: BoundedCache<KeptEntry>, seed: FeedSeed): Promise<void> {
    const index = JSON.parse(seed.entryIndex) as EntryIndex;
    const shared = this.slabs.share(seed.body);
    const body = Buffer.from(shared.buffer, shared.byteOffset, shared.byteLength);
    let offset = index.start;
    await inSlices(index.entries, ([key, length, startZone, endZone, years]) => {
      cache.set(key, kept(key, { startZone, endZone, years, bytes: body.subarray(offset, offset + length) }));
      offset += length;
    });
  }
}

/**
 * The entry index of a feed joined from `parts` (see feedParts: head, VTIMEZONEs, middle, the
 * entries, tail), so that another process's thread can take the entries out of the body: the
 * JSON of an EntryIndex, joined from the entries' own pieces.
 */
function entryIndexOf(parts: Buffer[], entries: KeptEntry[]): string {
  const start = parts[0].length + parts[1].length + parts[2].length;
  return `{"start":${start},"entries":[${entries.map((entry) => entry.indexed).join(',')}]}`;
}

function kept(key: string, entry: EncodedEntry): KeptEntry {
  const indexed: IndexedEntry = [key, entry.bytes.length, entry.startZone, entry.endZone, entry.years];
  return { ...entry, indexed: JSON.stringify(indexed) };
}

function entryDetails(task: FeedRenderTask, row: FeedRow): CalendarEntryDetails {
  const personal = task.scope.kind === 'personal';
  return {
    organizer: { name: row.hostName, email: task.organizerEmail },
    url: row.visibility === 'public' ? eventPageUrl(task.publicBaseUrl, row.id) : null,
    tentative: personal && row.invitationStatus !== 'accepted',
    reminderOffsetsMinutes: personal && row.status !== 'cancelled' ? (row.reminderOffsets ?? []) : [],
  };
}

function sizeOf(entry: KeptEntry): number {
  return entry.bytes.length + entry.indexed.length + 128;
}

/** Runs `work` on each item, letting the event loop take other work between slices. */
async function inSlices<Item>(items: Item[], work: (item: Item) => void): Promise<void> {
  let sliceStarted = performance.now();
  for (let index = 0; index < items.length; index++) {
    work(items[index]);
    if ((index & 63) === 63 && performance.now() - sliceStarted >= SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
  }
}
