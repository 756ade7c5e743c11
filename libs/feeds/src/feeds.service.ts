import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { CalendarEntryDetails, FeedHeader, renderFeed } from '@app/calendar';
import { feedsConfig, httpConfig, smtpConfig } from '@app/config';
import { FeedCache, FeedContent, FeedEncoding, FeedValidators } from './feed-cache';
import { FeedLinks } from './feed-links';
import { FeedQueries, FeedRow, FeedState } from './feed-queries';
import { FeedScope, PublicFeedFilter, scopeIdentity } from './feed-scope';
import { FeedStateMemo } from './feed-state-memo';
import { feedSecretMatches, parseFeedToken } from './feed-token-secret';
import { FeedsError } from './feeds.error';
import { RateLimiter } from './rate-limiter';

/** Bump when the rendering changes, so caches built by older code are not served. */
const RENDER_VERSION = 1;
const TOKEN_FAILURE_WINDOW_SECONDS = 15 * 60;
const REMEMBERED_FEEDS = 10_000;
/** Bounds how late a feed notices the clock: past and long-cancelled events leaving it. */
const REMEMBER_STATE_MS = 60_000;

/** A feed found and summarised, ready to be answered from the cache. */
export interface OpenFeed {
  scope: FeedScope;
  state: FeedState;
  cacheKey: string;
  filename: string;
  /** Personal feeds must not be kept by shared caches. */
  personal: boolean;
  lastModified: Date | null;
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
 * key is new, that is when something the feed shows changed.
 */
@Injectable()
export class FeedsService {
  private readonly logger = new Logger(FeedsService.name);
  private readonly organizerEmail: string;
  private readonly states = new FeedStateMemo(REMEMBERED_FEEDS, REMEMBER_STATE_MS);

  constructor(
    private readonly queries: FeedQueries,
    private readonly cache: FeedCache,
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
    const state = await this.currentState(scope);
    if (!state) throw FeedsError.feedNotFound();
    return this.opened(scope, state);
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
    const state = parsed ? await this.currentState(scope) : null;
    if (parsed && state?.secretDigest && feedSecretMatches(parsed.secret, state.secretDigest)) {
      return this.opened(scope, state);
    }
    const failures = `feed-token-failures:${clientAddress}`;
    const failed = await this.limiter.hit(failures, TOKEN_FAILURE_WINDOW_SECONDS);
    if (failed > this.config.tokenFailureLimit) {
      throw new FeedRateLimitedError(await this.limiter.retryAfter(failures));
    }
    throw FeedsError.feedNotFound();
  }

  private opened(scope: FeedScope, state: FeedState): OpenFeed {
    const changes = [state.changedAt, state.subject.changedAt].filter((date): date is Date => date !== null);
    return {
      scope,
      state,
      cacheKey: this.cache.keyFor([
        RENDER_VERSION,
        scopeIdentity(scope),
        state.subject.id,
        state.subject.changedAt?.toISOString() ?? null,
        state.count,
        state.changedAt?.toISOString() ?? null,
        state.checksum,
        this.config,
        this.http.publicBaseUrl,
        this.organizerEmail,
      ]),
      filename: this.filename(scope),
      personal: scope.kind === 'personal',
      lastModified: changes.length ? new Date(Math.max(...changes.map((date) => date.getTime()))) : null,
    };
  }

  /** Whether the feed would be served: its scope exists and is public. */
  async exists(scope: Exclude<FeedScope, { kind: 'personal' }>): Promise<boolean> {
    return (await this.currentState(scope)) !== null;
  }

  /**
   * A feed's summary, queried only when the feed version moved since it was last read here: a
   * warm request then costs one primary-key read. Reading the version first is what keeps this
   * exact: a change committed after that read can only make the summary newer, never older.
   */
  private async currentState(scope: FeedScope): Promise<FeedState | null> {
    const identity = scopeIdentity(scope);
    const version = await this.queries.version();
    const remembered = this.states.get(identity, version);
    if (remembered !== undefined) return remembered;
    const state = await this.queries.state(scope);
    this.states.set(identity, version, state);
    return state;
  }

  /** The ETags of the feed's current bytes, for answering conditional requests. */
  validators(feed: OpenFeed): Promise<FeedValidators> {
    return this.cache.validators(feed.cacheKey, () => this.render(feed));
  }

  content(feed: OpenFeed, encoding: FeedEncoding): Promise<FeedContent> {
    return this.cache.content(feed.cacheKey, encoding, () => this.render(feed));
  }

  private async render(feed: OpenFeed): Promise<Buffer> {
    const started = performance.now();
    const rows = await this.queries.rows(feed.scope, feed.state.subject.id);
    const text = renderFeed(
      this.header(feed),
      rows.map((row) => ({ event: row, details: this.details(feed.scope, row) })),
    );
    const body = Buffer.from(text, 'utf8');
    this.logger.log(
      `Rendered ${feed.scope.kind} feed: ${rows.length} events, ${body.length} bytes in ${Math.round(performance.now() - started)} ms`,
    );
    return body;
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

  private details(scope: FeedScope, row: FeedRow): CalendarEntryDetails {
    const personal = scope.kind === 'personal';
    return {
      organizer: { name: row.hostName, email: this.organizerEmail },
      url: row.visibility === 'public' ? this.links.eventPage(row.id) : null,
      tentative: personal && row.invitationStatus !== 'accepted',
      reminderOffsetsMinutes: personal && row.status !== 'cancelled' ? (row.reminderOffsets ?? []) : [],
    };
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

function publicFeedName(filter: PublicFeedFilter): string {
  const parts = [
    ...(filter.kinds ?? []),
    filter.tag,
    filter.organisationCode?.toUpperCase(),
    filter.q ? `“${filter.q}”` : undefined,
  ].filter((part): part is string => Boolean(part));
  return parts.length ? `Treffpunkt – public events (${parts.join(', ')})` : 'Treffpunkt – public events';
}
