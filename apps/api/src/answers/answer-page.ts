import { Answer, AnswerPage, AnswerPageRound, AnswerPageWorkshop } from '@app/invitations';
import { Event, EventTexts, EventTextsIn, inLanguage } from '@app/planning';
import {
  describeWhen,
  formatSpan,
  formatSpanIn,
  html,
  isWebLink,
  Language,
  MessageKey,
  Messages,
  messagesFor,
  pageDocument,
  SafeHtml,
  untranslatedNote,
} from '@app/presentation';
import { QUESTIONS_STYLE, questionErrorSummary, QuestionsForm, questionsFieldset } from './answer-questions';

const STYLE = `
  .note { padding: 0.75rem 1rem; border-radius: 0.4rem; background: #eef5ee; border: 1px solid #8fbf8f; }
  .alert { background: #fdeeee; border-color: #d99; }
  .description { white-space: pre-line; }
  fieldset { border: 1px solid #949494; border-radius: 0.4rem; margin: 1rem 0; padding: 0.75rem 1rem; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .option { display: flex; gap: 0.6rem; align-items: flex-start; margin: 0.6rem 0; }
  .option input { flex: none; width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; }
  .details { display: block; color: #4a4a4a; font-size: 0.95rem; }
  .language-note { color: #4a4a4a; font-style: italic; }
  .round legend { font-weight: 600; }
  .round .hint { margin: 0.25rem 0 0.5rem; color: #4a4a4a; }
`;

function answerDocument(messages: Messages, title: string, body: SafeHtml): string {
  return pageDocument({
    language: messages.language,
    title,
    body,
    style: STYLE + QUESTIONS_STYLE,
    noIndex: true,
  });
}

export interface AnswerPageOptions {
  saved: boolean;
  /** The event's registration questions asked with the answer, if it has any. */
  questions?: QuestionsForm;
  /** The answer just sent, when the form is shown again with mistakes in it. */
  entered?: Answer;
  /** Workshops a refused answer asked for in one round; the page says so and saved nothing. */
  sameRound?: string[];
  /** The participant's own programme page (behind the same secret). */
  programmeHref: string;
}

export function renderAnswerPage(page: AnswerPage, options: AnswerPageOptions): string {
  const { person } = page;
  const event = inLanguage(page.event, person.locale);
  const languageNote = untranslatedNote(person.locale, event.fellBackTo);
  const messages = messagesFor(person.locale);
  const { t } = messages;
  const cancelled = event.status === 'cancelled';
  const body = html` <p>${t('common.greeting', { name: person.name })}</p>
    <p>${t(page.signedUp ? 'answerPage.signedUpIntro' : 'answerPage.intro')}</p>
    <h1 ${languageOf(event, 'title')}>${event.title}</h1>
    ${languageNote ? html`<p class="language-note">${languageNote}</p>` : null}
    ${options.saved && !cancelled ? html`<p class="note" role="status">${t('answerPage.saved')}</p>` : null}
    ${options.sameRound ? html`<p class="note alert" role="alert">${t('answerPage.sameRound', { titles: titleList(options.sameRound, messages) })}</p>` : null}
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
    ${event.description ? html`<p class="description" ${languageOf(event, 'description')}>${event.description}</p>` : null}
    ${
      event.venueNotes
        ? html`<h2>${t('common.venueNotes')}</h2>
            <p class="description" ${languageOf(event, 'venueNotes')}>${event.venueNotes}</p>`
        : null
    }
    ${cancelled ? null : html`<p class="note" role="status">${t(`answerPage.status.${page.status}`)}</p>`}
    ${cancelled ? null : questionErrorSummary(options.questions, messages)}
    ${cancelled ? null : form(page, messages, options)}
    <p><a href="${options.programmeHref}">${t('email.myProgramme')}</a></p>`;
  const pageTitle = t(page.signedUp ? 'answerPage.signedUpPageTitle' : 'answerPage.pageTitle');
  return answerDocument(messages, `${pageTitle}: ${event.title}`, body);
}

/** A text shown in the event's original language says so, for screen readers and hyphenation. */
function languageOf(event: EventTextsIn, text: keyof EventTexts): SafeHtml | null {
  return event.fellBackTo && event.inOriginal.includes(text) ? html`lang="${event.fellBackTo}"` : null;
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

function form(page: AnswerPage, messages: Messages, options: AnswerPageOptions): SafeHtml {
  const { t } = messages;
  const { questions, entered } = options;
  const answers: Array<{ value: string; label: string; checked: boolean }> = [
    {
      value: 'accept',
      label: t('answers.accept'),
      checked: entered ? entered === 'accept' : page.status === 'accepted' || page.status === 'waitlisted',
    },
    {
      value: 'tentative',
      label: t('answers.tentative'),
      checked: entered ? entered === 'tentative' : page.status === 'tentative',
    },
    {
      value: 'decline',
      label: t('answers.decline'),
      checked: entered ? entered === 'decline' : page.status === 'declined',
    },
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
    ${questions ? questionsFieldset(questions, messages) : null}
    <button type="submit">${t('answerPage.submit')}</button>
  </form>`;
}

function workshops(page: AnswerPage, messages: Messages): SafeHtml {
  return html` <fieldset>
    <legend>${messages.t('answerPage.workshops')}</legend>
    <p id="workshops-hint">${messages.t('answerPage.workshopsHint')}</p>
    ${page.rounds.map((round, index) => roundOptions(round, index, page.person.timeZone, messages))}
  </fieldset>`;
}

/**
 * One round: a checkbox when it has one workshop, else radio buttons with "none", so that the form
 * cannot ask for two. Before anything is sent it says which seat another choice would give up.
 */
function roundOptions(round: AnswerPageRound, index: number, zone: string, messages: Messages): SafeHtml {
  const { t } = messages;
  const name = `workshop[${index}]`;
  if (round.workshops.length === 1)
    return workshopOption(round.workshops[0], name, 'checkbox', zone, messages, false);
  const held = round.workshops.filter((workshop) => workshop.choice !== null);
  const titles = held.map((workshop) => workshop.event.title);
  // Two seats in one round come only from an organiser moving a workshop: the person picks again.
  const mustChoose = held.length > 1;
  const hint = mustChoose
    ? html`<p class="hint note alert" id="round-${index}-hint">
        ${t('answerPage.roundOverlap', { titles: titleList(titles, messages) })}
      </p>`
    : held.length === 1
      ? html`<p class="hint" id="round-${index}-hint">
          ${t('answerPage.roundReplaces', { title: titles[0] })}
        </p>`
      : null;
  return html` <fieldset class="round" ${hint ? html` aria-describedby="round-${index}-hint"` : null}>
    <legend>${t('answerPage.round', { when: formatSpanIn(round, messages.intlLocale, zone) })}</legend>
    ${hint}
    ${round.workshops.map((workshop) => workshopOption(workshop, name, 'radio', zone, messages, mustChoose))}
    <div class="option">
      <input
        type="radio"
        id="round-${index}-none"
        name="${name}"
        value=""
        ${mustChoose ? html`required` : held.length === 0 ? html`checked` : null}
      />
      <label for="round-${index}-none">${t('answerPage.noWorkshop')}</label>
    </div>
  </fieldset>`;
}

function workshopOption(
  workshop: AnswerPageWorkshop,
  name: string,
  type: 'checkbox' | 'radio',
  zone: string,
  messages: Messages,
  mustChoose: boolean,
): SafeHtml {
  const { t } = messages;
  const event = inLanguage(workshop.event, messages.language);
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
  const checked = workshop.choice !== null && !mustChoose;
  return html` <div class="option">
    <input
      type="${type}"
      id="${id}"
      name="${name}"
      value="${event.id}"
      aria-describedby="${id}-details workshops-hint"
      ${checked ? html` checked` : null}${mustChoose ? html` required` : null}
    />
    <label for="${id}"
      >${event.title}
      <span class="details" id="${id}-details"
        >${when} · ${event.venueName ?? ''}${event.venueName ? ' · ' : ''}${seat}</span
      >
    </label>
  </div>`;
}

/** "“A” and “B”" in the reader's language and quotes. */
function titleList(titles: string[], messages: Messages): string {
  return new Intl.ListFormat(messages.intlLocale, { type: 'conjunction' }).format(
    titles.map((title) => messages.t('answerPage.quoted', { title })),
  );
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
