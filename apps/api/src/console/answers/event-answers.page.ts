import { ConsoleSession } from '@app/accounts';
import { SeatsView } from '@app/invitations';
import { formatSpan, html, machineReadableStart, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage } from '../console-layout';
import { downloadsSection, DOWNLOADS_STYLE } from '../exports/downloads';
import { answerCounts } from './answer-counts';
import { ANSWERS_STYLE } from './answers.style';
import { EventAnswers } from './event-answers.service';
import { seatLines } from './seat-lines';

/** /console/answers/:eventId: seats per event and workshop, and every invitee's answer. */
export function eventAnswersPage(session: ConsoleSession, answers: EventAnswers): string {
  const messages = consoleMessages(session);
  const { t } = messages;
  const { event, summary, invitees } = answers;
  const when = (span: Parameters<typeof formatSpan>[0]) =>
    html`<time datetime="${machineReadableStart(span)}"
      >${formatSpan(span, messages.intlLocale, session.account.timeZone)}</time
    >`;
  const body = html`<p class="crumb"><a href="/console/answers">${t('console.answers.allEvents')}</a></p>
    <h1>${event.title}</h1>
    <p class="muted">${when(event)} · ${t(`calendar.kinds.${event.kind}`)}</p>
    ${answerCounts(session, summary)} ${downloadsSection(session, event, { participants: true })}
    <h2>${t('console.answers.seatsTitle')}</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">${t('console.answers.place')}</th>
          <th scope="col" class="number">${t('console.answers.taken')}</th>
          <th scope="col" class="number">${t('console.answers.left')}</th>
          <th scope="col" class="number">${t('console.answers.queue')}</th>
        </tr>
      </thead>
      <tbody>
        ${seatRow(session, html`${t('console.answers.wholeEvent')}`, summary, summary.counts.waitlisted)}
        ${summary.workshops.map((workshop) =>
          seatRow(
            session,
            html`${workshop.title}${workshop.status === 'cancelled' ? html` (${t('common.cancelled')})` : null}<br /><small
                class="muted"
                >${when({ ...workshop, endZone: workshop.startZone, allDay: false })}</small
              >`,
            workshop,
            workshop.waitlisted,
          ),
        )}
      </tbody>
    </table>
    <h2>${t('console.answers.invitees')}</h2>
    ${
      invitees.items.length === 0
        ? html`<p class="muted">${t('console.answers.noInvitees')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${t('console.answers.name')}</th>
                <th scope="col">${t('console.answers.answer')}</th>
                <th scope="col">${t('console.answers.seats')}</th>
              </tr>
            </thead>
            <tbody>
              ${invitees.items.map(
                (invitation) =>
                  html`<tr>
                    <td>
                      <a href="/console/answers/${event.id}/invitations/${invitation.id}"
                        >${invitation.person.name}</a
                      >
                    </td>
                    <td data-label="${t('console.answers.answer')}">
                      ${t(`console.answers.statuses.${invitation.status}`)}
                    </td>
                    <td data-label="${t('console.answers.seats')}">
                      ${seatLines(session, invitation.choices)}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${
      invitees.nextCursor
        ? html`<p>
            <a href="/console/answers/${event.id}?after=${invitees.nextCursor}"
              >${t('console.answers.more')}</a
            >
          </p>`
        : null
    }`;
  return consolePage({
    session,
    screen: 'answers',
    title: event.title,
    body,
    style: ANSWERS_STYLE + DOWNLOADS_STYLE,
  });
}

function seatRow(session: ConsoleSession, place: SafeHtml, seats: SeatsView, waiting: number): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<tr>
    <th scope="row">${place}</th>
    <td class="number" data-label="${t('console.answers.taken')}">${seats.taken}</td>
    <td class="number" data-label="${t('console.answers.left')}">
      ${seats.seatsLeft ?? t('console.answers.noLimit')}
    </td>
    <td class="number" data-label="${t('console.answers.queue')}">${waiting}</td>
  </tr>`;
}
