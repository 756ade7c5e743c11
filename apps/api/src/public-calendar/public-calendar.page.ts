import { DateTime } from 'luxon';
import { FeedLink, FeedRow, PublicFeedFilter } from '@app/feeds';
import { EVENT_KINDS, EventKind } from '@app/planning';
import { html, isWebLink, SafeHtml } from '../http/html';
import { PAGE_TEXT, PageLanguage, PageText } from './page-text';

export interface CalendarListView {
  language: PageLanguage;
  filter: PublicFeedFilter;
  organisations: Array<{ code: string; name: string }>;
  events: FeedRow[];
  feed: FeedLink;
  nextPageUrl: string | null;
  otherLanguageUrl: string;
}

export interface EventPageView {
  language: PageLanguage;
  event: FeedRow;
  parts: FeedRow[];
  feed: FeedLink;
  otherLanguageUrl: string;
}

export function calendarListPage(view: CalendarListView): string {
  const text = PAGE_TEXT[view.language];
  const { filter } = view;
  const selectedKind = filter.kinds?.[0] ?? '';
  const selectedOrganisation = filter.organisationCode?.toUpperCase() ?? '';
  const body = html` <h1>${text.calendarTitle}</h1>
    <form method="get" action="/calendar" role="search" aria-label="${text.filterLabel}">
      <input type="hidden" name="lang" value="${view.language}" />
      <div class="field">
        <label for="q">${text.search}</label>
        <input id="q" name="q" type="search" value="${filter.q ?? ''}" maxlength="200" />
      </div>
      <div class="field">
        <label for="kind">${text.kind}</label>
        <select id="kind" name="kind">
          <option value="">${text.allKinds}</option>
          ${EVENT_KINDS.map(
            (kind) =>
              html`<option value="${kind}" ${selected(kind === selectedKind)}>${text.kinds[kind]}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="organisation">${text.organisation}</label>
        <select id="organisation" name="organisation">
          <option value="">${text.allOrganisations}</option>
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
      <button type="submit">${text.filter}</button>
      <a href="/calendar?lang=${view.language}">${text.resetFilter}</a>
    </form>
    ${subscribeSection(text, view.feed)}
    <section aria-labelledby="upcoming">
      <h2 id="upcoming">${text.upcoming}</h2>
      ${
        view.events.length === 0
          ? html`<p>${text.noEvents}</p>`
          : html`<ol class="events">
              ${view.events.map((event) => eventItem(text, view.language, event))}
            </ol>`
      }
      ${view.nextPageUrl ? html`<nav aria-label="${text.more}"><a href="${view.nextPageUrl}">${text.more}</a></nav>` : ''}
    </section>`;
  return layout(view.language, text.calendarTitle, view.otherLanguageUrl, body);
}

export function eventPage(view: EventPageView): string {
  const text = PAGE_TEXT[view.language];
  const { event } = view;
  const location = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  const body = html` <p><a href="/calendar?lang=${view.language}">← ${text.backToCalendar}</a></p>
    <article>
      <h1>${event.title}</h1>
      ${event.status === 'cancelled' ? html`<p class="cancelled"><strong>${text.cancelled}</strong></p>` : ''}
      <dl>
        <dt>${text.when}</dt>
        <dd>${timeOf(event, view.language)}</dd>
        ${
          location
            ? html`<dt>${text.where}</dt>
                <dd>${location}</dd>`
            : ''
        }
        ${
          event.onlineUrl
            ? html`<dt>${text.online}</dt>
                <dd>${externalLink(event.onlineUrl)}</dd>`
            : ''
        }
        <dt>${text.host}</dt>
        <dd>${event.hostName}</dd>
        <dt>${text.kind}</dt>
        <dd>${kindLabel(text, event.kind)}</dd>
        ${
          event.tags.length
            ? html`<dt>${text.topics}</dt>
                <dd>${event.tags.join(', ')}</dd>`
            : ''
        }
      </dl>
      ${paragraphs(event.description)}
      ${
        view.parts.length
          ? html`<section aria-labelledby="programme">
              <h2 id="programme">${text.programme}</h2>
              <ol class="events">
                ${view.parts.map((part) => eventItem(text, view.language, part))}
              </ol>
            </section>`
          : ''
      }
      ${subscribeSection(text, view.feed)}
    </article>`;
  return layout(view.language, event.title, view.otherLanguageUrl, body);
}

export function notFoundPage(language: PageLanguage, otherLanguageUrl: string): string {
  const text = PAGE_TEXT[language];
  const body = html`<h1>${text.notFoundTitle}</h1>
    <p>${text.notFoundText}</p>
    <p><a href="/calendar?lang=${language}">${text.backToCalendar}</a></p>`;
  return layout(language, text.notFoundTitle, otherLanguageUrl, body);
}

function subscribeSection(text: PageText, feed: FeedLink): SafeHtml {
  return html`<section aria-labelledby="subscribe" class="subscribe">
    <h2 id="subscribe">${text.subscribeHeading}</h2>
    <p>${text.subscribeHint}</p>
    <ul class="actions">
      <li><a href="${feed.webcal}">${text.subscribe}</a></li>
      <li><a href="${feed.googleCalendar}" rel="noopener">${text.googleCalendar}</a></li>
      <li><a href="${feed.url}" download>${text.download}</a></li>
    </ul>
  </section>`;
}

function eventItem(text: PageText, language: PageLanguage, event: FeedRow): SafeHtml {
  const title = html`<a href="/calendar/events/${event.id}?lang=${language}">${event.title}</a>`;
  const place = event.venueName ?? event.venueAddress ?? (event.onlineUrl ? text.online : null);
  return html`<li>
    <article>
      <h3>${title}</h3>
      ${event.status === 'cancelled' ? html`<p class="cancelled"><strong>${text.cancelled}</strong></p>` : ''}
      <p>${timeOf(event, language)}</p>
      <p>${kindLabel(text, event.kind)} · ${event.hostName}${place ? html` · ${place}` : ''}</p>
    </article>
  </li>`;
}

/** Each end in its own zone, so a flight reads "20:00 MESZ – 08:30 EAT" as on the tickets. */
function timeOf(event: FeedRow, language: PageLanguage): SafeHtml {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const start = DateTime.fromJSDate(event.startsAt, { zone: event.startZone }).setLocale(locale);
  const end = DateTime.fromJSDate(event.endsAt, { zone: event.endZone }).setLocale(locale);
  const day = { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' } as const;
  if (event.allDay) {
    const last = end.minus({ days: 1 });
    const range = start.hasSame(last, 'day')
      ? start.toLocaleString(day)
      : `${start.toLocaleString(day)} – ${last.toLocaleString(day)}`;
    return html`<time datetime="${start.toISODate()}">${range}</time>`;
  }
  const clock = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
  const sameDayAndZone = event.startZone === event.endZone && start.hasSame(end, 'day');
  const endText = sameDayAndZone ? end.toLocaleString(clock) : end.toLocaleString({ ...day, ...clock });
  return html`<time datetime="${start.toISO()}">${start.toLocaleString({ ...day, ...clock })}</time> –
    <time datetime="${end.toISO()}">${endText}</time>`;
}

function kindLabel(text: PageText, kind: string): string {
  return (text.kinds as Record<string, string>)[kind] ?? kind;
}

function paragraphs(description: string): SafeHtml {
  const blocks = description
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
  return html`${blocks.map(
    (block) =>
      html`<p>
        ${block.split('\n').map((line, index) => (index === 0 ? html`${line}` : html`<br />${line}`))}
      </p>`,
  )}`;
}

/** Only http(s) links become links; anything else (javascript:, data:) stays text. */
function externalLink(url: string): SafeHtml {
  return isWebLink(url) ? html`<a href="${url}" rel="noopener nofollow">${url}</a>` : html`${url}`;
}

function selected(isSelected: boolean): SafeHtml {
  return new SafeHtml(isSelected ? 'selected' : '');
}

function layout(language: PageLanguage, title: string, otherLanguageUrl: string, body: SafeHtml): string {
  const text = PAGE_TEXT[language];
  const other: PageLanguage = language === 'de' ? 'en' : 'de';
  return html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} – Treffpunkt</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${text.skipToContent}</a>
        <header>
          <p class="brand">Treffpunkt</p>
          <p><a href="${otherLanguageUrl}" hreflang="${other}" lang="${other}">${text.otherLanguage}</a></p>
        </header>
        <main id="main">${body}</main>
      </body>
    </html> `.value;
}

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

const STYLE = `
  :root { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
  body { margin: 0 auto; max-width: 48rem; padding: 1rem; }
  header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #004c80; }
  .brand { font-weight: 700; color: #004c80; margin: 0.5rem 0; }
  a { color: #004c80; }
  a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
  .skip { position: absolute; left: -999px; }
  .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
  form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin: 1rem 0; }
  .field { display: flex; flex-direction: column; }
  label { font-weight: 600; }
  input, select, button { font: inherit; padding: 0.4rem; min-height: 2.5rem; }
  button { background: #004c80; color: #fff; border: 0; border-radius: 4px; padding: 0.4rem 1rem; }
  ol.events { list-style: none; padding: 0; }
  ol.events li { border-top: 1px solid #ccc; padding: 0.5rem 0; }
  ol.events h3 { margin: 0.25rem 0; }
  ol.events p { margin: 0.25rem 0; }
  .cancelled { color: #a00000; }
  .subscribe { background: #eef4f9; padding: 0.5rem 1rem; border-radius: 4px; margin: 1rem 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
`;
