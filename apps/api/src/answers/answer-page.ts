import { DateTime } from 'luxon';
import { AnswerPage, AnswerPageWorkshop } from '@app/invitations';
import { Event, Locale } from '@app/planning';
import { AnswerTexts, answerTexts } from './answer-texts';
import { html, isWebLink, SafeHtml } from '../http/html';

const STYLE = `
  body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1a1a1a; background: #f6f6f3; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem; background: #fff; min-height: 100vh; }
  h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
  dt { font-weight: 600; margin-top: .75rem; }
  dd { margin: 0; }
  .note { padding: .75rem 1rem; border-radius: .4rem; background: #eef5ee; border: 1px solid #9c9; }
  .alert { background: #fdeeee; border-color: #d99; }
  .description { white-space: pre-line; }
  fieldset { border: 1px solid #ccc; border-radius: .4rem; margin: 1rem 0; padding: .75rem 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  .option { display: flex; gap: .5rem; align-items: flex-start; margin: .5rem 0; }
  .option input { margin-top: .35rem; }
  .details { display: block; color: #555; font-size: .95rem; }
  button { font: inherit; padding: .6rem 1.2rem; border: 0; border-radius: .4rem; background: #1f5fa8; color: #fff; cursor: pointer; }
  button:focus, input:focus { outline: 3px solid #f5b400; outline-offset: 2px; }
`;

/** The whole document: lang attribute from the person's locale, no scripts, styles inline. */
export function documentOf(locale: Locale, title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${title}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`.value;
}

export function renderAnswerPage(page: AnswerPage, options: { saved: boolean }): string {
  const { event, person } = page;
  const locale = person.locale;
  const texts = answerTexts(locale);
  const cancelled = event.status === 'cancelled';
  const body = html` <p>${texts.greeting(person.name)}</p>
    <p>${texts.intro}</p>
    <h1>${event.title}</h1>
    ${options.saved && !cancelled ? html`<p class="note" role="status">${texts.saved}</p>` : null}
    ${cancelled ? html`<p class="note alert" role="alert">${texts.cancelled} ${texts.cancelledNoAnswers}</p>` : null}
    <dl>
      <dt>${texts.when}</dt>
      ${times(event, person.timeZone, texts)} ${place(event, texts)}
      ${
        event.capacity !== null && page.seatsLeft !== null && !cancelled
          ? html`<dd>${texts.seatsLeft(page.seatsLeft, event.capacity)}</dd>`
          : null
      }
    </dl>
    ${event.description ? html`<p class="description">${event.description}</p>` : null}
    ${cancelled ? null : html`<p class="note" role="status">${texts.status[page.status]}</p>`}
    ${cancelled ? null : form(page, texts)}`;
  return documentOf(locale, `${texts.pageTitle}: ${event.title}`, body);
}

export function renderMessagePage(
  locale: Locale,
  title: (texts: AnswerTexts) => string,
  text: (texts: AnswerTexts) => string,
): string {
  const texts = answerTexts(locale);
  return documentOf(
    locale,
    title(texts),
    html`<h1>${title(texts)}</h1>
      <p>${text(texts)}</p>`,
  );
}

function form(page: AnswerPage, texts: AnswerTexts): SafeHtml {
  const answers: Array<{ value: string; label: string; checked: boolean }> = [
    {
      value: 'accept',
      label: texts.accept,
      checked: page.status === 'accepted' || page.status === 'waitlisted',
    },
    { value: 'tentative', label: texts.tentative, checked: page.status === 'tentative' },
    { value: 'decline', label: texts.decline, checked: page.status === 'declined' },
  ];
  return html` <form method="post">
    <fieldset>
      <legend>${texts.yourAnswer}</legend>
      ${answers.map(
        (answer) =>
          html` <div class="option">
            <input
              type="radio"
              id="answer-${answer.value}"
              name="answer"
              value="${answer.value}"
              required${answer.checked ? html` checked` : null}
            />
            <label for="answer-${answer.value}">${answer.label}</label>
          </div>`,
      )}
    </fieldset>
    ${page.workshops.length > 0 ? workshops(page, texts) : null}
    <button type="submit">${texts.submit}</button>
  </form>`;
}

function workshops(page: AnswerPage, texts: AnswerTexts): SafeHtml {
  return html` <fieldset>
    <legend>${texts.workshops}</legend>
    <p id="workshops-hint">${texts.workshopsHint}</p>
    ${page.workshops.map((workshop) => workshopOption(workshop, page.person.timeZone, texts))}
  </fieldset>`;
}

function workshopOption(workshop: AnswerPageWorkshop, zone: string, texts: AnswerTexts): SafeHtml {
  const { event } = workshop;
  const id = `workshop-${event.id}`;
  const seat =
    workshop.choice === 'confirmed'
      ? texts.yourSeat
      : workshop.choice === 'waitlisted'
        ? texts.youWait
        : workshop.seatsLeft > 0
          ? texts.seatsLeft(workshop.seatsLeft, event.capacity ?? 0)
          : texts.full;
  const when = span(event.startsAt, event.endsAt, event.allDay, zone, zone, texts);
  return html` <div class="option">
    <input
      type="checkbox"
      id="${id}"
      name="workshop"
      value="${event.id}"
      aria-describedby="${id}-details workshops-hint"
      ${workshop.choice ? html` checked` : null}
    />
    <label for="${id}"
      >${event.title}
      <span class="details" id="${id}-details"
        >${when} · ${event.venueName ?? ''}${event.venueName ? ' · ' : ''}${seat}</span
      >
    </label>
  </div>`;
}

/** The times in the person's zone and, when that differs, in the zones of the event itself. */
function times(event: Event, personZone: string, texts: AnswerTexts): SafeHtml {
  const own = span(event.startsAt, event.endsAt, event.allDay, personZone, personZone, texts);
  const samePlace = event.startZone === personZone && event.endZone === personZone;
  if (samePlace || event.allDay) return html`<dd>${own}</dd>`;
  const local = span(event.startsAt, event.endsAt, false, event.startZone, event.endZone, texts);
  const zones = event.startZone === event.endZone ? event.startZone : `${event.startZone} → ${event.endZone}`;
  return html`<dd>${texts.yourTime(personZone)}: ${own}</dd>
    <dd>${texts.localTime(zones)}: ${local}</dd>`;
}

function span(
  startsAt: Date,
  endsAt: Date,
  allDay: boolean,
  startZone: string,
  endZone: string,
  texts: AnswerTexts,
): string {
  const start = DateTime.fromJSDate(startsAt, { zone: startZone }).setLocale(texts.dateLocale);
  if (allDay) {
    // All-day events end at the midnight after their last day.
    const lastDay = DateTime.fromJSDate(endsAt, { zone: endZone })
      .setLocale(texts.dateLocale)
      .minus({ days: 1 });
    const first = start.toLocaleString(DateTime.DATE_HUGE);
    return lastDay.hasSame(start, 'day') ? first : `${first} – ${lastDay.toLocaleString(DateTime.DATE_HUGE)}`;
  }
  const end = DateTime.fromJSDate(endsAt, { zone: endZone }).setLocale(texts.dateLocale);
  const startText = `${start.toLocaleString(DateTime.DATE_HUGE)}, ${start.toLocaleString(DateTime.TIME_24_SIMPLE)}`;
  const endText = end.hasSame(start, 'day')
    ? end.toLocaleString(DateTime.TIME_24_SIMPLE)
    : `${end.toLocaleString(DateTime.DATE_HUGE)}, ${end.toLocaleString(DateTime.TIME_24_SIMPLE)}`;
  return `${startText} – ${endText}`;
}

function place(event: Event, texts: AnswerTexts): SafeHtml | null {
  const venue = [event.venueName, event.venueAddress].filter((part): part is string => Boolean(part));
  const online = event.onlineUrl
    ? isWebLink(event.onlineUrl)
      ? html`<a href="${event.onlineUrl}" rel="noopener noreferrer">${texts.joinOnline}</a>`
      : event.onlineUrl
    : null;
  if (venue.length === 0 && !online) return null;
  return html` <dt>${venue.length > 0 ? texts.place : texts.online}</dt>
    ${venue.length > 0 ? html`<dd>${venue.join(', ')}</dd>` : null}
    ${online ? html`<dd>${venue.length > 0 ? `${texts.online}: ` : ''}${online}</dd>` : null}`;
}
