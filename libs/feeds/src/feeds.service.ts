import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FeedHeader } from '@app/calendar';
import { feedsConfig, httpConfig, smtpConfig } from '@app/config';
import { ChangeVersion } from '@app/database';
import { LANGUAGES, untranslatedNote } from '@app/presentation';
import { FeedRepresentation } from './feed-body';
import { CachedFeed, FeedCache, mostlyListed, RenderedForSharing } from './feed-cache';
import { BoundedCache } from './bounded-cache';
import { FeedLinks } from './feed-links';
import { FeedQueries, FeedState } from './feed-queries';
import { FeedRenderPool } from './feed-render-pool';
import { FeedScope, PublicFeedFilter, scopeIdentity } from './feed-scope';
import { FeedStateMemo, RememberedState } from './feed-state-memo';
import { feedSecretMatches, parseFeedToken } from './feed-token-secret';
import { FeedsError } from './feeds.error';
import { RateLimiter } from './rate-limiter';

/** Bump when the rendering changes, so caches built by older code are not served. */
const RENDER_VERSION = 4;
const TOKEN_FAILURE_WINDOW_SECONDS = 15 * 60;
const REMEMBERED_FEEDS = 10_000;
/** Bounds how late a feed notices the clock: past and long-cancelled events leaving it. */
const REMEMBER_STATE_MS = 60_000;
/** Entry keys read with a feed's state, kept for the render that usually follows. */
const ENTRY_LISTS_BYTES = 16 * 1024 * 1024;

/** A feed found and summarised, ready to be answered from the cache. */
export interface OpenFeed {
  scope: FeedScope;
  state: FeedState;
  cacheKey: string;
  filename: string;
  /** Personal feeds must not be kept by shared caches. */
  personal: boolean;
  lastModified: Date | null;
  /** The change version the state belongs to (see `isCurrent`). */
  version: string;
  /** When the state was read (Date.now()). */
  readAt: number;
}

interface CurrentState extends RememberedState {
  version: string;
  /** The feed's entry keys, when the state was read for this request. */
  entryList?: string;
}

/** Too many unknown tokens came from one client: it gets 429 for a while, whatever it asks. */
export class FeedRateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts with unknown feed addresses.');
  }
}

/**
 * Serves calendar feeds: one query tells what a feed contains, and that decides the cache key
 * under which the rendered bytes are shared by all API processes. Rendering happens only when the
 * key is new, that is when something the feed shows changed, and then renders only the events
 * that changed, in a thread of its own (FeedRenderPool).
 */
@Injectable()
export class FeedsService {
  private readonly logger = new Logger(FeedsService.name);
  private readonly organizerEmail: string;
  private readonly states = new FeedStateMemo(REMEMBERED_FEEDS, REMEMBER_STATE_MS);
  private readonly entryLists = new BoundedCache<string>(ENTRY_LISTS_BYTES, (list) => list.length);
  /** Each feed's latest cache key, to let Redis drop the bytes of a feed once it changed. */
  private readonly latestKeys = new BoundedCache<string>(REMEMBERED_FEEDS, () => 1);
  /** Each feed's version (cache key) this process's render thread rendered last, so holds the entries of. */
  private readonly renderedHere = new BoundedCache<string>(REMEMBERED_FEEDS, () => 1);

  constructor(
    private readonly queries: FeedQueries,
    private readonly cache: FeedCache,
    private readonly renderer: FeedRenderPool,
    private readonly changes: ChangeVersion,
    private readonly links: FeedLinks,
    private readonly limiter: RateLimiter,
    @Inject(feedsConfig.KEY) private readonly config: ConfigType<typeof feedsConfig>,
    @Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>,
    @Inject(smtpConfig.KEY) smtp: ConfigType<typeof smtpConfig>,
  ) {
    this.organizerEmail = /<([^>]+)>/.exec(smtp.organizer)?.[1] ?? smtp.organizer.trim();
  }

  /** Finds a feed with one query; unknown and non-public feeds give the same not-found error. */
  async open(scope: Exclude<FeedScope, { kind: 'personal' }>): Promise<OpenFeed> {
    const current = await this.currentState(scope);
    if (!current.state) throw FeedsError.feedNotFound();
    return this.opened(scope, current.state, current);
  }

  /**
   * The public feed; when it filters by a code that an organisation had before and comes out
   * empty, the URL of the same feed filtered by the organisation's current code instead. Only an
   * empty feed can be filtered by a code nobody holds, so served feeds cost nothing more.
   */
  async openPublic(filter: PublicFeedFilter): Promise<{ feed: OpenFeed } | { movedTo: string }> {
    const feed = await this.open({ kind: 'public', filter });
    if (feed.state.count > 0 || !filter.organisationCode) return { feed };
    const currentCode = await this.queries.currentOrganisationCode(filter.organisationCode);
    if (!currentCode) return { feed };
    return { movedTo: this.links.public({ ...filter, organisationCode: currentCode }).url };
  }

  /**
   * An organisation's feed by its code; for a code the organisation had before, the URL of its feed
   * under the current code instead, so that subscriptions keep working after a code change. Asked
   * only when no organisation has the code, so served feeds cost nothing more.
   */
  async openOrganisation(code: string): Promise<{ feed: OpenFeed } | { movedTo: string }> {
    const scope: FeedScope = { kind: 'organisation', code };
    const current = await this.currentState(scope);
    if (current.state) return { feed: this.opened(scope, current.state, current) };
    const currentCode = await this.queries.currentOrganisationCode(code);
    if (!currentCode) throw FeedsError.feedNotFound();
    return { movedTo: this.links.organisation(currentCode).url };
  }

  /**
   * Token and programme come from one query; the secret is then compared in constant time.
   * Unknown, revoked and malformed tokens all give the same not-found error and count against the
   * client's budget of failed guesses; over it, every unknown token gets 429 for a while. Valid
   * tokens are served regardless, so one misbehaving device behind a city hall's shared address
   * does not cut everyone else off, and the hot path needs no Redis round trip.
   */
  async openPersonal(token: string, clientAddress: string): Promise<OpenFeed> {
    const parsed = parseFeedToken(token);
    const scope: FeedScope = { kind: 'personal', lookupId: parsed?.lookupId ?? '' };
    const current = parsed ? await this.currentState(scope) : null;
    const state = current?.state;
    if (parsed && current && state?.secretDigest && feedSecretMatches(parsed.secret, state.secretDigest)) {
      return this.opened(scope, state, current);
    }
    const failures = `feed-token-failures:${clientAddress}`;
    const failed = await this.limiter.hit(failures, TOKEN_FAILURE_WINDOW_SECONDS);
    if (failed > this.config.tokenFailureLimit) {
      throw new FeedRateLimitedError(await this.limiter.retryAfter(failures));
    }
    throw FeedsError.feedNotFound();
  }

  private opened(scope: FeedScope, state: FeedState, read: CurrentState): OpenFeed {
    const changes = [state.changedAt, state.subject.changedAt].filter((date): date is Date => date !== null);
    const cacheKey = this.cache.keyFor([
      RENDER_VERSION,
      scopeIdentity(scope),
      state.subject.id,
      state.subject.changedAt?.toISOString() ?? null,
      state.subject.name,
      state.subject.timeZone,
      state.count,
      state.changedAt?.toISOString() ?? null,
      state.digest,
      this.config,
      this.http.publicBaseUrl,
      this.organizerEmail,
    ]);
    if (read.entryList !== undefined) this.entryLists.set(cacheKey, read.entryList);
    const identity = scopeIdentity(scope);
    const previous = this.latestKeys.get(identity);
    if (previous !== cacheKey) {
      if (previous) this.cache.replaced(previous);
      this.latestKeys.set(identity, cacheKey);
    }
    return {
      scope,
      state,
      cacheKey,
      filename: this.filename(scope),
      personal: scope.kind === 'personal',
      lastModified: changes.length ? new Date(Math.max(...changes.map((date) => date.getTime()))) : null,
      version: read.version,
      readAt: read.at,
    };
  }

  /** Whether the token in a personal feed's URL is this feed's, compared in constant time. */
  opensWith(feed: OpenFeed, token: string): boolean {
    const parsed = parseFeedToken(token);
    const digest = feed.state.secretDigest;
    return (
      feed.scope.kind === 'personal' &&
      parsed?.lookupId === feed.scope.lookupId &&
      digest !== undefined &&
      feedSecretMatches(parsed.secret, digest)
    );
  }

  /** Whether the feed would be served: its scope exists and is public. */
  async exists(scope: Exclude<FeedScope, { kind: 'personal' }>): Promise<boolean> {
    return (await this.currentState(scope)).state !== null;
  }

  /** The change version this process counts with (see ChangeVersion.current). */
  version(): Promise<string> {
    return this.changes.current();
  }

  /** The change version without I/O, while this process listens for changes; else null. */
  knownVersion(): string | null {
    return this.changes.known();
  }

  /**
   * Whether the feed opened earlier is still what opening it at this version would give, known
   * without I/O: nothing changed since its state was read, and the clock has not moved on far
   * enough for events to leave it.
   */
  isCurrent(feed: OpenFeed, version: string, now = Date.now()): boolean {
    return feed.version === version && now - feed.readAt <= REMEMBER_STATE_MS;
  }

  /**
   * A feed's summary, queried only when the change version moved since it was last read here.
   * Taking the version first is what keeps this exact: a change committed after that can only
   * make the summary newer, never older.
   */
  private async currentState(scope: FeedScope): Promise<CurrentState> {
    const identity = scopeIdentity(scope);
    const version = await this.version();
    const remembered = this.states.get(identity, version);
    if (remembered) return { ...remembered, version };
    const at = Date.now();
    const read = await this.queries.state(scope);
    if (!read) {
      this.states.set(identity, version, null, at);
      return { state: null, at, version };
    }
    const { entryList, ...state } = read;
    this.states.set(identity, version, state, at);
    return { state, at, version, entryList };
  }

  /** The feed's bytes if this process holds them; no I/O. */
  cached(feed: OpenFeed): CachedFeed | undefined {
    return this.cache.peek(feed.cacheKey);
  }

  /**
   * The feed's bytes, rendered if no process has them yet. Bytes rendered here are shared with
   * the other processes once `answered` settles: sending 10 MB to Redis while the answer goes
   * out would slow the answer down.
   */
  content(feed: OpenFeed, answered?: Promise<void>): Promise<CachedFeed> {
    return this.cache.get(feed.cacheKey, () => this.render(feed), scopeIdentity(feed.scope), answered);
  }

  /** The feed's gzip encoding (compressed right after rendering, so mostly at hand). */
  gzip(feed: OpenFeed, content: CachedFeed): Promise<FeedRepresentation> {
    return this.cache.gzip(feed.cacheKey, content);
  }

  private async render(feed: OpenFeed): Promise<RenderedForSharing> {
    const started = performance.now();
    const identity = scopeIdentity(feed.scope);
    const entryList = this.entryLists.get(feed.cacheKey);
    // A thread that rendered a version sharing most entries with this one renders the others
    // faster than it could take 10 MB from Redis. A thread new to the feed, or holding a version
    // that shares little with it (the host renamed since, say), seeds from the version rendered
    // last anywhere.
    const held = this.renderedHere.get(identity);
    const heldList = held === undefined ? undefined : this.entryLists.get(held);
    const holdsMost =
      held !== undefined &&
      (entryList === undefined || heldList === undefined || mostlyListed(entryList, heldList));
    const seed = holdsMost
      ? null
      : await this.cache.seedFor(identity, entryList, held).catch((error: Error) => {
          this.logger.warn(`Could not read the last rendering of a ${feed.scope.kind} feed: ${error.message}`);
          return null;
        });
    const { events, rendered, ...body } = await this.renderer.render({
      scope: feed.scope,
      subjectId: feed.state.subject.id,
      header: this.header(feed),
      organizerEmail: this.organizerEmail,
      publicBaseUrl: this.http.publicBaseUrl,
      ...(feed.personal ? { languageNotes: languageNotes(feed.state.subject.language) } : {}),
      ...(entryList === undefined ? {} : { entryList }),
      ...(seed ? { seed } : {}),
    });
    this.renderedHere.set(identity, feed.cacheKey);
    this.logger.log(
      `Rendered ${feed.scope.kind} feed: ${events} events (${rendered} rendered anew${seed ? ', the others taken from the last rendering' : ''}) in ${Math.round(performance.now() - started)} ms`,
    );
    return { ...body, etag: this.cache.etagFor(feed.cacheKey) };
  }

  private header(feed: OpenFeed): FeedHeader {
    const { scope, state } = feed;
    const refreshIntervalSeconds = this.config.refreshMinutes * 60;
    const timeZone = state.subject.timeZone ?? this.config.timeZone;
    switch (scope.kind) {
      case 'public':
        return { name: publicFeedName(scope.filter), timeZone, refreshIntervalSeconds };
      case 'personal':
        return { name: `Treffpunkt – ${state.subject.name}`, timeZone, refreshIntervalSeconds };
      case 'event':
      case 'organisation':
      case 'partnership':
        return { name: state.subject.name, timeZone, refreshIntervalSeconds };
    }
  }

  private filename(scope: FeedScope): string {
    switch (scope.kind) {
      case 'event':
        return `event-${scope.eventId}.ics`;
      case 'organisation':
        return `${scope.code.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.ics`;
      case 'partnership':
        return `partnership-${scope.partnershipId}.ics`;
      case 'public':
        return 'treffpunkt-public.ics';
      case 'personal':
        return 'treffpunkt-personal.ics';
    }
  }
}

/** The notes a personal feed may need, in its person's language, by the original language. */
function languageNotes(language: string | undefined): Record<string, string> {
  return Object.fromEntries(
    LANGUAGES.map((original) => [original, untranslatedNote(language, original) ?? '']),
  );
}

function publicFeedName(filter: PublicFeedFilter): string {
  const parts = [
    ...(filter.kinds ?? []),
    filter.tag,
    filter.organisationCode?.toUpperCase(),
    filter.q ? `“${filter.q}”` : undefined,
  ].filter((part): part is string => Boolean(part));
  return parts.length ? `Treffpunkt – public events (${parts.join(', ')})` : 'Treffpunkt – public events';
}
