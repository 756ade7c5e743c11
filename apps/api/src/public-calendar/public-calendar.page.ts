import { FeedLink } from '@app/feeds';
import { EVENT_KINDS, EventKind } from '@app/planning';
import {
  formatSpan,
  formatStart,
  html,
  isWebLink,
  jsonLdScript,
  machineReadableStart,
  Language,
  LANGUAGES,
  Messages,
  messagesFor,
  pageDocument,
  paragraphs,
  SafeHtml,
} from '@app/presentation';
import { ArchiveMonth, PublicEvent, PublicProgrammeFilter } from '@app/public-programme';
import { SUGGESTIONS_SCRIPT_PATH } from './search-suggestions.script';

/** What a list shows: upcoming events, search results, a chosen period or an archive month. */
export type ListHeading =
  | { kind: 'upcoming' }
  | { kind: 'search' }
  | { kind: 'range' }
  | { kind: 'month'; year: number; month: number };

export interface CalendarListView {
  language: Language;
  filter: PublicProgrammeFilter;
  heading: ListHeading;
  organisations: Array<{ code: string; name: string }>;
  events: PublicEvent[];
  /** The calendar feed of the same filter; none for a period, which a feed cannot follow. */
  feed: FeedLink | null;
  previousPageUrl: string | null;
  nextPageUrl: string | null;
  /** The same page in each language. */
  languageUrls: Record<Language, string>;
  /** RSS and Atom of the same filter, linked from the head for feed readers. */
  newsFeeds?: NewsFeedLinks;
}

export interface NewsFeedLinks {
  rss: string;
  atom: string;
}

export interface ArchiveView {
  language: Language;
  months: ArchiveMonth[];
  /** The same page in each language. */
  languageUrls: Record<Language, string>;
}

export interface EventPageView {
  language: Language;
  event: PublicEvent;
  parts: PublicEvent[];
  feed: FeedLink;
  /** Whether the event has ended: its page says so. */
  past: boolean;
  /** The same page in each language. */
  languageUrls: Record<Language, string>;
  /** schema.org data about the event, for search engines. */
  structuredData?: object;
  /** Present when the event takes sign-ups now. */
  signUp?: SignUpTeaser | null;
}

export interface SignUpTeaser {
  /** Null: no limit; 0: sign-ups go to the waiting list. */
  seatsLeft: number | null;
  deadline: Date | null;
}

export function calendarListPage(view: CalendarListView): string {
  const messages = messagesFor(view.language);
  const { t } = messages;
  const { filter } = view;
  const selectedOrganisation = filter.organisationCode?.toUpperCase() ?? '';
  const title = listTitle(messages, view.heading);
  const body = html` <h1>${t('calendar.calendarTitle')}</h1>
    <form method="get" action="/calendar" role="search" aria-label="${t('calendar.filterLabel')}">
      <input type="hidden" name="lang" value="${view.language}" />
      <div class="field wide">
        <label for="q">${t('calendar.search')}</label>
        <input
          id="q"
          name="q"
          type="search"
          value="${filter.text ?? ''}"
          maxlength="200"
          list="q-suggestions"
          autocomplete="off"
          aria-describedby="q-hint"
        />
        <datalist id="q-suggestions"></datalist>
        <small id="q-hint">${t('calendar.searchHint')}</small>
      </div>
      <div class="field">
        <label for="kind">${t('calendar.kind')}</label>
        <select id="kind" name="kind">
          <option value="">${t('calendar.allKinds')}</option>
          ${EVENT_KINDS.map(
            (kind) =>
              html`<option value="${kind}" ${selected(kind === filter.kind)}>
                ${t(`calendar.kinds.${kind}`)}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="organisation">${t('calendar.organisation')}</label>
        <select id="organisation" name="organisation">
          <option value="">${t('calendar.allOrganisations')}</option>
          ${view.organisations.map(
            (organisation) =>
              html`<option
                value="${organisation.code.toLowerCase()}"
                ${selected(organisation.code === selectedOrganisation)}
              >
                ${organisation.name}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="from">${t('calendar.from')}</label>
        <input id="from" name="from" type="date" value="${filter.from ?? ''}" />
      </div>
      <div class="field">
        <label for="to">${t('calendar.to')}</label>
        <input id="to" name="to" type="date" value="${filter.to ?? ''}" />
      </div>
      ${filter.tag ? html`<input type="hidden" name="tag" value="${filter.tag}" />` : null}
      ${filter.partnershipId ? html`<input type="hidden" name="partnership" value="${filter.partnershipId}" />` : null}
      <div class="filter-actions">
        <button type="submit">${t('calendar.filter')}</button>
        <a href="/calendar?lang=${view.language}">${t('calendar.resetFilter')}</a>
        <a href="/calendar/archive?lang=${view.language}">${t('calendar.archive')}</a>
      </div>
    </form>
    <section aria-labelledby="listing">
      <h2 id="listing">${title}</h2>
      ${
        view.events.length === 0
          ? html`<p>${emptyText(messages, view.heading)}</p>`
          : html`<ol class="events">
              ${view.events.map((event) => eventItem(messages, view.language, event))}
            </ol>`
      }
      ${pager(messages, view.previousPageUrl, view.nextPageUrl)}
    </section>
    ${view.feed ? subscribeSection(messages, view.feed) : null}`;
  return calendarLayout(messages, title, view.languageUrls, body, newsFeedLinks(messages, view.newsFeeds));
}

export function archivePage(view: ArchiveView): string {
  const messages = messagesFor(view.language);
  const { t } = messages;
  const years = [...new Set(view.months.map((month) => month.year))];
  const body = html`<p><a href="/calendar?lang=${view.language}">← ${t('calendar.backToCalendar')}</a></p>
    <h1>${t('calendar.archiveTitle')}</h1>
    <p>${view.months.length ? t('calendar.archiveIntro') : t('calendar.noArchive')}</p>
    ${years.map(
      (year) =>
        html`<section aria-labelledby="year-${year}">
          <h2 id="year-${year}">${year}</h2>
          <ul class="months">
            ${view.months
              .filter((month) => month.year === year)
              .map(
                (month) =>
                  html`<li>
                    <a href="/calendar/archive/${year}/${twoDigits(month.month)}?lang=${view.language}"
                      >${monthName(messages, year, month.month)}</a
                    >
                    <span>${t('calendar.archiveMonthEvents', { count: month.count })}</span>
                  </li>`,
              )}
          </ul>
        </section>`,
    )}`;
  return calendarLayout(messages, t('calendar.archiveTitle'), view.languageUrls, body);
}

export function eventPage(view: EventPageView): string {
  const messages = messagesFor(view.language);
  const { t } = messages;
  const { event } = view;
  const location = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  const body = html` <p><a href="/calendar?lang=${view.language}">← ${t('calendar.backToCalendar')}</a></p>
    <article>
      <h1>${event.title}</h1>
      ${event.status === 'cancelled' ? html`<p class="cancelled"><strong>${t('common.cancelled')}</strong></p>` : null}
      ${view.past && event.status !== 'cancelled' ? html`<p class="past">${t('calendar.pastEvent')}</p>` : null}
      ${movedFrom(event, messages)}
      <dl class="facts">
        <dt>${t('common.when')}</dt>
        <dd>${timeOf(event, messages)}</dd>
        ${
          location
            ? html`<dt>${t('common.where')}</dt>
                <dd>${location}</dd>`
            : null
        }
        ${
          event.onlineUrl
            ? html`<dt>${t('common.online')}</dt>
                <dd>${externalLink(event.onlineUrl)}</dd>`
            : null
        }
        <dt>${t('calendar.host')}</dt>
        <dd>${event.hostName}</dd>
        <dt>${t('calendar.kind')}</dt>
        <dd>${kindLabel(messages, event.kind)}</dd>
        ${
          event.tags.length
            ? html`<dt>${t('calendar.topics')}</dt>
                <dd>${event.tags.join(', ')}</dd>`
            : null
        }
      </dl>
      ${paragraphs(event.description)}
      ${
        view.parts.length
          ? html`<section aria-labelledby="programme">
              <h2 id="programme">${t('calendar.programme')}</h2>
              <ol class="events">
                ${view.parts.map((part) => eventItem(messages, view.language, part))}
              </ol>
            </section>`
          : null
      }
      ${view.signUp ? signUpSection(messages, event, view.signUp) : null}
      ${view.past ? null : subscribeSection(messages, view.feed)}
    </article>`;
  const head = view.structuredData ? jsonLdScript(view.structuredData) : undefined;
  return calendarLayout(messages, event.title, view.languageUrls, body, head);
}

export function notFoundPage(language: Language, languageUrls: Record<Language, string>): string {
  const messages = messagesFor(language);
  const { t } = messages;
  const body = html`<h1>${t('calendar.notFoundTitle')}</h1>
    <p>${t('calendar.notFoundText')}</p>
    <p><a href="/calendar?lang=${language}">${t('calendar.backToCalendar')}</a></p>`;
  return calendarLayout(messages, t('calendar.notFoundTitle'), languageUrls, body);
}

function listTitle(messages: Messages, heading: ListHeading): string {
  switch (heading.kind) {
    case 'upcoming':
      return messages.t('calendar.upcoming');
    case 'search':
      return messages.t('calendar.searchResults');
    case 'range':
      return messages.t('calendar.inRange');
    case 'month':
      return monthName(messages, heading.year, heading.month);
  }
}

function emptyText(messages: Messages, heading: ListHeading): string {
  switch (heading.kind) {
    case 'upcoming':
      return messages.t('calendar.noEvents');
    case 'search':
      return messages.t('calendar.noResults');
    case 'range':
    case 'month':
      return messages.t('calendar.noEventsInRange');
  }
}

function pager({ t }: Messages, previous: string | null, next: string | null): SafeHtml | null {
  if (!previous && !next) return null;
  return html`<nav class="pager" aria-label="${t('calendar.more')}">
    ${previous ? html`<a href="${previous}" rel="prev">${t('calendar.previous')}</a>` : null}
    ${next ? html`<a href="${next}" rel="next">${t('calendar.more')}</a>` : null}
  </nav>`;
}

/** The month as people name it, e.g. "September 2022"; a calendar date has no zone to convert. */
function monthName(messages: Messages, year: number, month: number): string {
  return new Intl.DateTimeFormat(messages.intlLocale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, 1));
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** What an event's sign-up offers: seats left or the waiting list, and the deadline at the venue. */
export function signUpAvailability(
  messages: Messages,
  event: Pick<PublicEvent, 'startZone'>,
  signUp: SignUpTeaser,
): { seats: string | null; deadline: string | null } {
  const { t } = messages;
  const seats =
    signUp.seatsLeft === null
      ? null
      : signUp.seatsLeft > 0
        ? t('signUp.seatsLeft', { count: signUp.seatsLeft })
        : t('signUp.waitlist');
  const deadline = signUp.deadline
    ? t('signUp.deadline', {
        deadline: formatStart(
          { startsAt: signUp.deadline, startZone: event.startZone, allDay: false },
          messages.intlLocale,
        ),
      })
    : null;
  return { seats, deadline };
}

/** "Sign up" with the seats left, or the waiting list when there are none. */
function signUpSection(messages: Messages, event: PublicEvent, signUp: SignUpTeaser): SafeHtml {
  const { t } = messages;
  const { seats, deadline } = signUpAvailability(messages, event, signUp);
  return html`<section aria-labelledby="sign-up" class="sign-up">
    <h2 id="sign-up">${t('signUp.button')}</h2>
    ${seats ? html`<p>${seats}</p>` : null} ${deadline ? html`<p>${deadline}</p>` : null}
    <p>
      <a class="button" href="/calendar/events/${event.id}/sign-up?lang=${messages.language}"
        >${t('signUp.button')}</a
      >
    </p>
  </section>`;
}

function subscribeSection({ t }: Messages, feed: FeedLink): SafeHtml {
  return html`<section aria-labelledby="subscribe" class="subscribe">
    <h2 id="subscribe">${t('calendar.subscribeHeading')}</h2>
    <p>${t('calendar.subscribeHint')}</p>
    <ul class="actions">
      <li><a href="${feed.webcal}">${t('calendar.subscribe')}</a></li>
      <li><a href="${feed.googleCalendar}" rel="noopener">${t('calendar.googleCalendar')}</a></li>
      <li><a href="${feed.url}" download>${t('calendar.download')}</a></li>
    </ul>
  </section>`;
}

/** `base` makes the link absolute, for lists shown on other sites. */
export function eventItem(messages: Messages, language: Language, event: PublicEvent, base = ''): SafeHtml {
  const { t } = messages;
  const title = html`<a href="${base}/calendar/events/${event.id}?lang=${language}">${event.title}</a>`;
  const place = event.venueName ?? event.venueAddress ?? (event.onlineUrl ? t('common.online') : null);
  return html`<li>
    <article>
      <h3>${title}</h3>
      ${event.status === 'cancelled' ? html`<p class="cancelled"><strong>${t('common.cancelled')}</strong></p>` : null}
      <p>${timeOf(event, messages)}</p>
      <p>${kindLabel(messages, event.kind)} · ${event.hostName}${place ? html` · ${place}` : null}</p>
    </article>
  </li>`;
}

/** Local time at the venue, each end in its own zone: the page has no reader whose zone it knows. */
function timeOf(event: PublicEvent, messages: Messages): SafeHtml {
  const start = machineReadableStart(event);
  const text = formatSpan(event, messages.intlLocale);
  return html`<time datetime="${start}">${text}</time>`;
}

/** "Moved from …" with the earlier start at the venue, for an event rescheduled in public. */
function movedFrom(event: PublicEvent, messages: Messages): SafeHtml | null {
  if (!event.previousStartsAt || !event.previousStartZone || event.status === 'cancelled') return null;
  const start = formatStart(
    { startsAt: event.previousStartsAt, startZone: event.previousStartZone, allDay: event.allDay },
    messages.intlLocale,
  );
  return html`<p class="moved"><strong>${messages.t('calendar.movedFrom', { start })}</strong></p>`;
}

function kindLabel(messages: Messages, kind: string): string {
  return isEventKind(kind) ? messages.t(`calendar.kinds.${kind}`) : kind;
}

/** Only http(s) links become links; anything else (javascript:, data:) stays text. */
function externalLink(url: string): SafeHtml {
  return isWebLink(url) ? html`<a href="${url}" rel="noopener nofollow">${url}</a>` : html`${url}`;
}

function selected(isSelected: boolean): SafeHtml | null {
  return isSelected ? html`selected` : null;
}

function newsFeedLinks({ t }: Messages, links: NewsFeedLinks | undefined): SafeHtml | undefined {
  if (!links) return undefined;
  return html`<link
      rel="alternate"
      type="application/rss+xml"
      title="${t('calendar.rssFeed')}"
      href="${links.rss}"
    />
    <link
      rel="alternate"
      type="application/atom+xml"
      title="${t('calendar.atomFeed')}"
      href="${links.atom}"
    />`;
}

/**
 * The calendar's page around a body. Pages of their own (the sign-up form) add their rules and
 * bring their script instead of the search suggestions.
 */
export function calendarLayout(
  messages: Messages,
  title: string,
  languageUrls: Record<Language, string>,
  body: SafeHtml,
  head?: SafeHtml,
  own: { script?: string; style?: string } = {},
): string {
  // Each language is named in itself, so that a reader finds theirs whatever the page is in now.
  const otherLanguages = LANGUAGES.filter((language) => language !== messages.language).map(
    (language) =>
      html`<li>
        <a href="${languageUrls[language]}" hreflang="${language}" lang="${language}"
          >${messagesFor(language).t('common.languageName')}</a
        >
      </li>`,
  );
  const header = html`<header>
    <p class="brand">Treffpunkt</p>
    <nav aria-label="${messages.t('common.otherLanguages')}">
      <ul class="languages">
        ${otherLanguages}
      </ul>
    </nav>
  </header>`;
  return pageDocument({
    language: messages.language,
    title: `${title} – Treffpunkt`,
    header,
    body,
    style: STYLE + (own.style ?? ''),
    skipLinkText: messages.t('common.skipToContent'),
    enhancementScript: own.script ?? SUGGESTIONS_SCRIPT_PATH,
    head,
  });
}

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

const STYLE = `
  header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 1rem; border-bottom: 2px solid #004c80; }
  header p { margin: 0.5rem 0; }
  .languages { display: flex; flex-wrap: wrap; gap: 0 1rem; list-style: none; margin: 0.5rem 0; padding: 0; }
  .brand { font-weight: 700; color: #004c80; }
  form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin: 1rem 0; }
  .field { display: flex; flex-direction: column; flex: 1 1 10rem; min-width: 0; }
  .field.wide { flex-basis: 100%; }
  .field small { color: #4a4a4a; }
  .filter-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1rem; }
  label { font-weight: 600; }
  input, select { box-sizing: border-box; width: 100%; min-height: 2.75rem; padding: 0.4rem; border: 1px solid #767676; border-radius: 4px; background: #fff; }
  ol.events { list-style: none; padding: 0; }
  ol.events li { border-top: 1px solid #ccc; padding: 0.5rem 0; }
  ol.events h3 { margin: 0.25rem 0; font-size: 1.1rem; }
  ol.events p { margin: 0.25rem 0; }
  .pager { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
  ul.months { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.5rem 1rem; }
  ul.months span { color: #4a4a4a; margin-left: 0.4rem; }
  .past { color: #4a4a4a; font-style: italic; }
  .subscribe { background: #eef4f9; padding: 0.5rem 1rem; border-radius: 4px; margin: 1rem 0; }
  .sign-up { background: #eef6ee; padding: 0.5rem 1rem; border-radius: 4px; margin: 1rem 0; }
  a.button { display: inline-block; min-height: 2.75rem; box-sizing: border-box; padding: 0.6rem 1.25rem; border-radius: 0.4rem; background: #1f5fa8; color: #fff; font-weight: 600; text-decoration: none; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; }
`;
