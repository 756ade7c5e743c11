import { ConsoleSession } from '@app/accounts';
import { EmailEntry } from '@app/emails';
import { Answer, ANSWERS, InvitationStatus, WorkshopSummary } from '@app/invitations';
import { Role, Round, roundsOf } from '@app/planning';
import { AnswerProblemReason, AnswerValue, QuestionType } from '@app/registration';
import {
  formatCalendarDate,
  formatInstant,
  formatSpan,
  formatSpanIn,
  html,
  MessageKey,
  SafeHtml,
} from '@app/presentation';
import { QUESTIONS_STYLE, questionsFieldset } from '../../answers/answer-questions';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { ANSWERS_STYLE } from './answers.style';
import { InviteeAnswer } from './event-answers.service';
import { seatLines } from './seat-lines';

/** What the page says after a change it redirected from. */
export type InviteeNotice = 'answered' | 'resent' | 'withdrawn';

/** A problem with the answer form, shown beside the field it concerns (or above the form). */
export interface AnswerFormProblem {
  field: 'answer' | 'workshop' | 'questions' | null;
  message: MessageKey;
}

/** The answer form as entered, to show it again with a problem. */
export interface EnteredAnswer {
  answer?: Answer;
  workshopIds: string[];
  /** The registration answers as sent, by question id, and what was wrong with them. */
  questions?: Record<string, unknown>;
  errors?: Map<string, AnswerProblemReason>;
}

export interface InviteeView {
  session: ConsoleSession;
  answer: InviteeAnswer;
  notice?: InviteeNotice;
  problem?: AnswerFormProblem;
  entered?: EnteredAnswer;
}

const NOTICES: Record<InviteeNotice, MessageKey> = {
  answered: 'console.answers.answered',
  resent: 'console.answers.resent',
  withdrawn: 'console.answers.withdrawnNotice',
};

/** The answer the form starts from: what the invitee said, as the answer page would show it. */
const ANSWER_OF: Partial<Record<InvitationStatus, Answer>> = {
  accepted: 'accept',
  waitlisted: 'accept',
  tentative: 'tentative',
  declined: 'decline',
};

const WRITERS: readonly Role[] = ['admin', 'organiser'];

export function inviteePath(eventId: string, invitationId: string): string {
  return `/console/answers/${eventId}/invitations/${invitationId}`;
}

/** One invitee: their answer and seats, what an organiser can do for them, and their emails. */
export function inviteePage(view: InviteeView): string {
  const { session, answer } = view;
  const { t } = consoleMessages(session);
  const { event, invitation } = answer;
  const withdrawn = invitation.status === 'cancelled';
  const writer = WRITERS.includes(session.actor.role);
  const body = html`<p class="crumb"><a href="/console/answers/${event.id}">${event.title}</a></p>
    <h1>${invitation.person.name}</h1>
    ${
      view.notice
        ? html`<p class="notice" role="status">
            ${t(NOTICES[view.notice], { name: invitation.person.name })}
          </p>`
        : null
    }
    <dl class="counts">
      <div>
        <dt>${t('console.answers.answer')}</dt>
        <dd>${t(`console.answers.statuses.${invitation.status}`)}</dd>
      </div>
      <div>
        <dt>${t('console.answers.seats')}</dt>
        <dd>${seatLines(session, invitation.choices)}</dd>
      </div>
    </dl>
    ${registrationAnswers(session, answer)}
    ${withdrawn ? html`<p class="muted">${t('console.answers.withdrawnNote')}</p>` : null}
    ${writer ? null : html`<p class="muted">${t('console.answers.readOnly')}</p>`}
    ${emailTable(session, answer.emails)} ${writer && !withdrawn ? actions(view) : null}`;
  return consolePage({
    session,
    screen: 'answers',
    title: `${invitation.person.name} – ${event.title}`,
    body,
    style: ANSWERS_STYLE + QUESTIONS_STYLE,
  });
}

/** The registration answers; a sensitive one the reader may not see says so instead of its value. */
function registrationAnswers(session: ConsoleSession, answer: InviteeAnswer): SafeHtml | null {
  const { t, intlLocale } = consoleMessages(session);
  if (answer.registration.length === 0) return null;
  const shown = (value: AnswerValue | null, type: QuestionType): string => {
    if (value === null) return t('console.questions.noAnswer');
    if (typeof value === 'boolean') return t(value ? 'console.questions.yes' : 'console.questions.no');
    if (Array.isArray(value)) return value.join(', ');
    return type === 'date' ? formatCalendarDate(value, intlLocale) : value;
  };
  return html`<section aria-labelledby="registration-heading">
    <h2 id="registration-heading">${t('console.questions.answersTitle')}</h2>
    <dl class="registration-answers">
      ${answer.registration.map(
        ({ question, value }) =>
          html`<dt>${question.label}</dt>
            <dd>
              ${
                question.shown
                  ? html`<span class="answer-text">${shown(value, question.type)}</span>`
                  : html`<span class="muted">${t('console.questions.hiddenSensitive')}</span>`
              }
            </dd>`,
      )}
    </dl>
  </section>`;
}

function actions(view: InviteeView): SafeHtml {
  const { session, answer } = view;
  const { t } = consoleMessages(session);
  const path = inviteePath(answer.event.id, answer.invitation.id);
  return html`${answerForm(view)}
    <section class="panel" aria-labelledby="resend-heading">
      <h2 id="resend-heading">${t('console.answers.resendTitle')}</h2>
      <p>${t('console.answers.resendHint')}</p>
      <form method="post" action="${path}/resend">
        ${csrfField(session)}
        <button type="submit" class="secondary">${t('console.answers.resend')}</button>
      </form>
    </section>
    <section class="panel" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">${t('console.answers.withdrawTitle')}</h2>
      <p>${t('console.answers.withdrawHint')}</p>
      <a class="button" href="${path}/withdraw">${t('console.answers.withdraw')}</a>
    </section>`;
}

function answerForm(view: InviteeView): SafeHtml {
  const { session, answer, problem } = view;
  const messages = consoleMessages(session);
  const { t } = messages;
  const { invitation, summary } = answer;
  const chosen = view.entered?.answer ?? ANSWER_OF[invitation.status];
  const held = new Set(
    invitation.choices.filter((choice) => choice.status !== 'withdrawn').map((choice) => choice.workshopId),
  );
  const checked = new Set(view.entered?.workshopIds ?? held);
  const workshops = summary.workshops.filter((workshop) => workshop.status !== 'cancelled');
  const stored = Object.fromEntries(
    answer.registration.flatMap(({ question, value }) => (value === null ? [] : [[question.id, value]])),
  );
  const questions = questionsFieldset(
    {
      questions: answer.asked,
      values: view.entered?.questions ?? stored,
      errors: view.entered?.errors ?? new Map<string, AnswerProblemReason>(),
      originalLanguage: answer.event.originalLanguage,
    },
    messages,
  );
  const problemOf = (field: 'answer' | 'workshop' | 'questions') =>
    problem?.field === field
      ? html`<p class="field-problem" id="${field}-problem" role="alert">${t(problem.message)}</p>`
      : null;
  const describedBy = (field: 'answer' | 'workshop' | 'questions') =>
    problem?.field === field ? html`aria-describedby="${field}-problem"` : null;
  return html`<section class="panel" aria-labelledby="answer-heading">
    <h2 id="answer-heading">${t('console.answers.onBehalfTitle')}</h2>
    <p>${t('console.answers.onBehalfHint')}</p>
    ${problem && problem.field === null ? html`<p class="problem" role="alert">${t(problem.message)}</p>` : null}
    <form method="post" action="${inviteePath(answer.event.id, invitation.id)}/answer">
      ${csrfField(session)}
      <input type="hidden" name="seen" value="${invitation.status}" />
      <fieldset ${describedBy('answer')}>
        <legend>${t('console.answers.answerLegend')}</legend>
        ${problemOf('answer')}
        ${ANSWERS.map(
          (option) =>
            html`<label class="choice">
              <input
                type="radio"
                name="answer"
                value="${option}"
                required
                ${option === chosen ? html`checked` : null}
              />
              ${t(`console.answers.answers.${option}`)}
            </label>`,
        )}
      </fieldset>
      ${
        workshops.length > 0
          ? html`<fieldset ${describedBy('workshop')}>
              <legend>${t('console.answers.workshopsLegend')}</legend>
              ${problemOf('workshop')}
              ${roundsOf(workshops).map((round, index) =>
                roundChoice(session, round, index, { held, checked }),
              )}
            </fieldset>`
          : null
      }
      ${problemOf('questions')} ${questions}
      <button type="submit">${t('console.answers.save')}</button>
    </form>
  </section>`;
}

/**
 * The workshops of one round: a checkbox when it has one, else radio buttons with "none", so that
 * the form asks for one seat per round. Two held seats of one round (times changed after they were
 * taken) are both shown checked as checkboxes: saving keeps both until the organiser picks one.
 */
function roundChoice(
  session: ConsoleSession,
  round: Round<WorkshopSummary>,
  index: number,
  seats: { held: Set<string>; checked: Set<string> },
): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const heldHere = round.parts.filter((workshop) => seats.held.has(workshop.id));
  const type = round.parts.length === 1 || heldHere.length > 1 ? 'checkbox' : 'radio';
  const name = (position: number) =>
    type === 'radio' ? `workshop[${index}]` : `workshop[${index}-${position}]`;
  const options = round.parts.map(
    (workshop, position) =>
      html`<label class="choice">
        <input
          type="${type}"
          name="${name(position)}"
          value="${workshop.id}"
          ${seats.checked.has(workshop.id) ? html`checked` : null}
        />
        <span
          >${workshop.title}<br /><small class="muted"
            >${formatSpan(
              { ...workshop, endZone: workshop.startZone, allDay: false },
              messages.intlLocale,
              session.account.timeZone,
            )}
            ·
            ${
              workshop.seatsLeft === 0 && !seats.held.has(workshop.id)
                ? t('console.answers.full')
                : t('console.answers.seatsLeft', {
                    count: workshop.seatsLeft ?? 0,
                    capacity: workshop.capacity ?? 0,
                  })
            }</small
          ></span
        >
      </label>`,
  );
  if (type === 'checkbox' && round.parts.length === 1) return html`${options}`;
  const zone = session.account.timeZone;
  return html`<fieldset class="round">
    <legend>${t('console.answers.round', { when: formatSpanIn(round, messages.intlLocale, zone) })}</legend>
    ${heldHere.length > 1 ? html`<p class="problem">${t('console.answers.roundOverlap')}</p>` : null}
    ${options}
    ${
      type === 'radio'
        ? html`<label class="choice">
            <input
              type="radio"
              name="${name(0)}"
              value=""
              ${round.parts.some((workshop) => seats.checked.has(workshop.id)) ? null : html`checked`}
            />
            ${t('console.answers.noWorkshop')}
          </label>`
        : null
    }
  </fieldset>`;
}

function emailTable(session: ConsoleSession, emails: EmailEntry[]): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  return html`<h2>${t('console.answers.emailsTitle')}</h2>
    ${
      emails.length === 0
        ? html`<p class="muted">${t('console.answers.noEmails')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${t('console.answers.email')}</th>
                <th scope="col">${t('console.answers.state')}</th>
                <th scope="col">${t('console.answers.written')}</th>
              </tr>
            </thead>
            <tbody>
              ${emails.map(
                ({ email }) =>
                  html`<tr>
                    <td>${t(`console.answers.kinds.${email.kind}`)}</td>
                    <td data-label="${t('console.answers.state')}">
                      <span class="${email.status === 'failed' ? 'failed' : ''}"
                        >${t(`console.answers.states.${email.status}`, { count: email.attempts })}</span
                      >
                      ${
                        email.lastError && (email.status === 'failed' || email.status === 'retrying')
                          ? html`<br /><span class="error-text"
                                >${t('console.answers.lastError', { error: email.lastError })}</span
                              >`
                          : null
                      }
                    </td>
                    <td data-label="${t('console.answers.written')}">
                      ${formatInstant(email.createdAt, messages.intlLocale, session.account.timeZone)}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}

/** Asks before an invitation is withdrawn; the form works without any script. */
export function confirmWithdrawPage(session: ConsoleSession, answer: InviteeAnswer): string {
  const { t } = consoleMessages(session);
  const { event, invitation } = answer;
  const path = inviteePath(event.id, invitation.id);
  const title = t('console.answers.confirmTitle', { name: invitation.person.name });
  const body = html`<p class="crumb"><a href="${path}">${invitation.person.name}</a></p>
    <h1>${title}</h1>
    <p>${event.title}</p>
    <p>${t('console.answers.withdrawHint')}</p>
    <form class="actions" method="post" action="${path}/withdraw">
      ${csrfField(session)}
      <button type="submit" class="danger">${t('console.answers.confirmWithdraw')}</button>
      <a href="${path}">${t('console.answers.keep')}</a>
    </form>`;
  return consolePage({ session, screen: 'answers', title, body, style: ANSWERS_STYLE });
}
