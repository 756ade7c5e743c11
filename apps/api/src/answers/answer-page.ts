import { AnswerPage, AnswerPageWorkshop } from '@app/invitations';
import { Event } from '@app/planning';
import {
  describeWhen,
  formatSpan,
  html,
  isWebLink,
  Language,
  MessageKey,
  Messages,
  messagesFor,
  pageDocument,
  SafeHtml,
} from '@app/presentation';

const STYLE = `
  .note { padding: 0.75rem 1rem; border-radius: 0.4rem; background: #eef5ee; border: 1px solid #8fbf8f; }
  .alert { background: #fdeeee; border-color: #d99; }
  .description { white-space: pre-line; }
  fieldset { border: 1px solid #949494; border-radius: 0.4rem; margin: 1rem 0; padding: 0.75rem 1rem; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .option { display: flex; gap: 0.6rem; align-items: flex-start; margin: 0.6rem 0; }
  .option input { flex: none; width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; }
  .details { display: block; color: #4a4a4a; font-size: 0.95rem; }
`;

function answerDocument(messages: Messages, title: string, body: SafeHtml): string {
  return pageDocument({ language: messages.language, title, body, style: STYLE, noIndex: true });
}

export function renderAnswerPage(
  page: AnswerPage,
  options: { saved: boolean; programmeHref: string },
): string {
  const { event, person } = page;
  const messages = messagesFor(person.locale);
  const { t } = messages;
  const cancelled = event.status === 'cancelled';
  const body = html` <p>${t('common.greeting', { name: person.name })}</p>
    <p>${t('answerPage.intro')}</p>
    <h1>${event.title}</h1>
    ${options.saved && !cancelled ? html`<p class="note" role="status">${t('answerPage.saved')}</p>` : null}
    ${cancelled ? html`<p class="note alert" role="alert">${t('answerPage.cancelled')} ${t('answerPage.cancelledNoAnswers')}</p>` : null}
    <dl class="facts">
      ${times(event, person.timeZone, messages)} ${place(event, messages)}
      ${
        event.capacity !== null && page.seatsLeft !== null && !cancelled
          ? html`<dt>${t('answerPage.seats')}</dt>
              <dd>${t('answerPage.seatsLeft', { count: page.seatsLeft, capacity: event.capacity })}</dd>`
          : null
      }
    </dl>
    ${event.description ? html`<p class="description">${event.description}</p>` : null}
    ${cancelled ? null : html`<p class="note" role="status">${t(`answerPage.status.${page.status}`)}</p>`}
    ${cancelled ? null : form(page, messages)}
    <p><a href="${options.programmeHref}">${t('email.myProgramme')}</a></p>`;
  return answerDocument(messages, `${t('answerPage.pageTitle')}: ${event.title}`, body);
}

/** A page that only says something (an unknown link, a failure), in the reader's language. */
export function renderMessagePage(language: Language, title: MessageKey, text: MessageKey): string {
  const messages = messagesFor(language);
  return answerDocument(
    messages,
    messages.t(title),
    html`<h1>${messages.t(title)}</h1>
      <p>${messages.t(text)}</p>`,
  );
}

function form(page: AnswerPage, messages: Messages): SafeHtml {
  const { t } = messages;
  const answers: Array<{ value: string; label: string; checked: boolean }> = [
    {
      value: 'accept',
      label: t('answers.accept'),
      checked: page.status === 'accepted' || page.status === 'waitlisted',
    },
    { value: 'tentative', label: t('answers.tentative'), checked: page.status === 'tentative' },
    { value: 'decline', label: t('answers.decline'), checked: page.status === 'declined' },
  ];
  return html` <form method="post">
    <fieldset>
      <legend>${t('common.yourAnswer')}</legend>
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
    ${page.workshops.length > 0 ? workshops(page, messages) : null}
    <button type="submit">${t('answerPage.submit')}</button>
  </form>`;
}

function workshops(page: AnswerPage, messages: Messages): SafeHtml {
  return html` <fieldset>
    <legend>${messages.t('answerPage.workshops')}</legend>
    <p id="workshops-hint">${messages.t('answerPage.workshopsHint')}</p>
    ${page.workshops.map((workshop) => workshopOption(workshop, page.person.timeZone, messages))}
  </fieldset>`;
}

function workshopOption(workshop: AnswerPageWorkshop, zone: string, messages: Messages): SafeHtml {
  const { t } = messages;
  const { event } = workshop;
  const id = `workshop-${event.id}`;
  const seat =
    workshop.choice === 'confirmed'
      ? t('answerPage.yourSeat')
      : workshop.choice === 'waitlisted'
        ? t('answerPage.youWait')
        : workshop.seatsLeft > 0
          ? t('answerPage.seatsLeft', { count: workshop.seatsLeft, capacity: event.capacity ?? 0 })
          : t('answerPage.full');
  const when = formatSpan(event, messages.intlLocale, zone);
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

/** The times in the person's zone and, when that differs, at the venue. */
function times(event: Event, personZone: string, messages: Messages): SafeHtml {
  return html`${describeWhen(event, messages.intlLocale, personZone).map(
    (line) =>
      html`<dt>${messages.t(line.label)}</dt>
        <dd>${line.text}</dd>`,
  )}`;
}

function place(event: Event, { t }: Messages): SafeHtml | null {
  const venue = [event.venueName, event.venueAddress].filter((part): part is string => Boolean(part));
  const online = event.onlineUrl
    ? isWebLink(event.onlineUrl)
      ? html`<a href="${event.onlineUrl}" rel="noopener noreferrer">${t('common.joinOnline')}</a>`
      : event.onlineUrl
    : null;
  if (venue.length === 0 && !online) return null;
  return html` <dt>${venue.length > 0 ? t('common.where') : t('common.online')}</dt>
    ${venue.length > 0 ? html`<dd>${venue.join(', ')}</dd>` : null}
    ${online ? html`<dd>${venue.length > 0 ? `${t('common.online')}: ` : ''}${online}</dd>` : null}`;
}
