import { ConsoleSession } from '@app/accounts';
import { formatSpan, html, machineReadableStart } from '@app/presentation';
import { consoleMessages, consolePage } from '../console-layout';
import { answerCounts } from './answer-counts';
import { ANSWERS_STYLE } from './answers.style';
import { AnsweredEvent } from './event-answers.service';

/** /console/answers: the organisation's upcoming events with their answers. */
export function answersListPage(session: ConsoleSession, events: AnsweredEvent[]): string {
  const messages = consoleMessages(session);
  const { t } = messages;
  const body = html`<h1>${t('console.answers.title')}</h1>
    <p>${t('console.answers.intro')}</p>
    ${
      events.length === 0
        ? html`<p class="muted">${t('console.answers.none')}</p>`
        : html`<ul class="events">
            ${events.map(
              ({ event, summary }) =>
                html`<li>
                  <h2><a href="/console/answers/${event.id}">${event.title}</a></h2>
                  <p class="muted">
                    <time datetime="${machineReadableStart(event)}"
                      >${formatSpan(event, messages.intlLocale, session.account.timeZone)}</time
                    >
                    · ${t(`calendar.kinds.${event.kind}`)}
                  </p>
                  ${answerCounts(session, summary)}
                </li>`,
            )}
          </ul>`
    }`;
  return consolePage({
    session,
    screen: 'answers',
    title: t('console.answers.title'),
    body,
    style: ANSWERS_STYLE,
  });
}
