import { FeedLink, FeedRow, PublicFeedFilter } from '@app/feeds';
import { EVENT_KINDS, EventKind } from '@app/planning';
import {
  formatSpan,
  html,
  isWebLink,
  jsonLdScript,
  machineReadableStart,
  Messages,
  messagesFor,
  pageDocument,
  paragraphs,
  SafeHtml,
} from '@app/presentation';
import { PageLanguage } from './page-text';

export interface CalendarListView {
  language: PageLanguage;
  filter: PublicFeedFilter;
  organisations: Array<{ code: string; name: string }>;
  events: FeedRow[];
  feed: FeedLink;
  nextPageUrl: string | null;
  otherLanguageUrl: string;
  /** RSS and Atom of the same filter, linked from the head for feed readers. */
  newsFeeds?: NewsFeedLinks;
}

export interface NewsFeedLinks {
  rss: string;
  atom: string;
}

export interface EventPageView {
  language: PageLanguage;
  event: FeedRow;
  parts: FeedRow[];
  feed: FeedLink;
  otherLanguageUrl: string;
  /** schema.org data about the event, for search engines. */
  structuredData?: object;
}

export function calendarListPage(view: CalendarListView): string {
  const messages = messagesFor(view.language);
  const { t } = messages;
  const { filter } = view;
  const selectedKind = filter.kinds?.[0] ?? '';
  const selectedOrganisation = filter.organisationCode?.toUpperCase() ?? '';
  const body = html` <h1>${t('calendar.calendarTitle')}</h1>
    <form method="get" action="/calendar" role="search" aria-label="${t('calendar.filterLabel')}">
      <input type="hidden" name="lang" value="${view.language}" />
      <div class="field">
        <label for="q">${t('calendar.search')}</label>
        <input id="q" name="q" type="search" value="${filter.q ?? ''}" maxlength="200" />
      </div>
      <div class="field">
        <label for="kind">${t('calendar.kind')}</label>
        <select id="kind" name="kind">
          <option value="">${t('calendar.allKinds')}</option>
          ${EVENT_KINDS.map(
            (kind) =>
              html`<option value="${kind}" ${selected(kind === selectedKind)}>
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
      <div class="filter-actions">
        <button type="submit">${t('calendar.filter')}</button>
        <a href="/calendar?lang=${view.language}">${t('calendar.resetFilter')}</a>
      </div>
    </form>
    ${subscribeSection(messages, view.feed)}
    <section aria-labelledby="upcoming">
      <h2 id="upcoming">${t('calendar.upcoming')}</h2>
      ${
        view.events.length === 0
          ? html`<p>${t('calendar.noEvents')}</p>`
          : html`<ol class="events">
              ${view.events.map((event) => eventItem(messages, view.language, event))}
            </ol>`
      }
      ${view.nextPageUrl ? html`<nav aria-label="${t('calendar.more')}"><a href="${view.nextPageUrl}">${t('calendar.more')}</a></nav>` : null}
    </section>`;
  return layout(
    messages,
    t('calendar.calendarTitle'),
    view.otherLanguageUrl,
    body,
    newsFeedLinks(messages, view.newsFeeds),
  );
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
      ${subscribeSection(messages, view.feed)}
    </article>`;
  const head = view.structuredData ? jsonLdScript(view.structuredData) : undefined;
  return layout(messages, event.title, view.otherLanguageUrl, body, head);
}

export function notFoundPage(language: PageLanguage, otherLanguageUrl: string): string {
  const messages = messagesFor(language);
  const { t } = messages;
  const body = html`<h1>${t('calendar.notFoundTitle')}</h1>
    <p>${t('calendar.notFoundText')}</p>
    <p><a href="/calendar?lang=${language}">${t('calendar.backToCalendar')}</a></p>`;
  return layout(messages, t('calendar.notFoundTitle'), otherLanguageUrl, body);
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
export function eventItem(messages: Messages, language: PageLanguage, event: FeedRow, base = ''): SafeHtml {
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
function timeOf(event: FeedRow, messages: Messages): SafeHtml {
  const start = machineReadableStart(event);
  const text = formatSpan(event, messages.intlLocale);
  return html`<time datetime="${start}">${text}</time>`;
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

function layout(
  messages: Messages,
  title: string,
  otherLanguageUrl: string,
  body: SafeHtml,
  head?: SafeHtml,
): string {
  const other: PageLanguage = messages.language === 'de' ? 'en' : 'de';
  const languageLink = html`<a href="${otherLanguageUrl}" hreflang="${other}" lang="${other}"
    >${messages.t('calendar.otherLanguage')}</a
  >`;
  const header = html`<header>
    <p class="brand">Treffpunkt</p>
    <p>${languageLink}</p>
  </header>`;
  return pageDocument({
    language: messages.language,
    title: `${title} – Treffpunkt`,
    header,
    body,
    style: STYLE,
    skipLinkText: messages.t('common.skipToContent'),
    head,
  });
}

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

const STYLE = `
  header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 1rem; border-bottom: 2px solid #004c80; }
  header p { margin: 0.5rem 0; }
  .brand { font-weight: 700; color: #004c80; }
  form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin: 1rem 0; }
  .field { display: flex; flex-direction: column; flex: 1 1 12rem; min-width: 0; }
  .filter-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1rem; }
  label { font-weight: 600; }
  input, select { box-sizing: border-box; width: 100%; min-height: 2.75rem; padding: 0.4rem; border: 1px solid #767676; border-radius: 4px; background: #fff; }
  ol.events { list-style: none; padding: 0; }
  ol.events li { border-top: 1px solid #ccc; padding: 0.5rem 0; }
  ol.events h3 { margin: 0.25rem 0; font-size: 1.1rem; }
  ol.events p { margin: 0.25rem 0; }
  .subscribe { background: #eef4f9; padding: 0.5rem 1rem; border-radius: 4px; margin: 1rem 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; }
`;
