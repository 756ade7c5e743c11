import { ConsoleSession } from '@app/accounts';
import { formatSpan, html, machineReadableStart, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage } from '../console-layout';
import { Overview, OverviewEvent } from './overview.service';

const OVERVIEW_STYLE = `
  .events { list-style: none; padding: 0; margin: 0 0 2rem; display: grid; gap: 1rem; }
  .events > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 0.9rem 1rem; }
  .events h3 { margin: 0 0 0.25rem; font-size: 1.1rem; }
  .counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.5rem 0 0; padding: 0; }
  .counts div { display: flex; gap: 0.4rem; }
  .counts dt { font-weight: 600; }
  .counts dd { margin: 0; }
  .problems { margin: 0.5rem 0 0; padding-left: 1.2rem; color: #8a1f1a; }
  @media (min-width: 60rem) { .events { grid-template-columns: 1fr 1fr; } }
`;

export function overviewPage(session: ConsoleSession, overview: Overview): string {
  const { t } = consoleMessages(session);
  const body = html`<h1>${t('console.overview.title')}</h1>
    <h2>${t('console.overview.upcoming')}</h2>
    ${eventList(session, overview.upcoming)}
    <h2>${t('console.overview.drafts')}</h2>
    ${eventList(session, overview.drafts)}`;
  return consolePage({
    session,
    screen: 'overview',
    title: t('console.overview.title'),
    body,
    style: OVERVIEW_STYLE,
  });
}

function eventList(session: ConsoleSession, entries: OverviewEvent[]): SafeHtml {
  const { t } = consoleMessages(session);
  if (entries.length === 0) return html`<p class="muted">${t('console.overview.none')}</p>`;
  return html`<ul class="events">
    ${entries.map((entry) => eventItem(session, entry))}
  </ul>`;
}

function eventItem(session: ConsoleSession, entry: OverviewEvent): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const { event } = entry;
  const problems = [
    ...(entry.failedEmails > 0 ? [t('console.overview.failedEmails', { count: entry.failedEmails })] : []),
    ...entry.waitlists.map((workshop) =>
      t('console.overview.waitlist', { workshop: workshop.title, count: workshop.waiting }),
    ),
  ];
  return html`<li>
    <h3>
      <a href="/console/programme/events/${event.id}">${event.title}</a
      >${event.status === 'cancelled' ? html` <span class="cancelled">(${t('common.cancelled')})</span>` : null}
    </h3>
    <p class="muted">
      <time datetime="${machineReadableStart(event)}"
        >${formatSpan(event, messages.intlLocale, session.account.timeZone)}</time
      >
      · ${t(`calendar.kinds.${event.kind}`)}
    </p>
    ${
      entry.answers
        ? html`<dl class="counts" aria-label="${t('console.overview.answers')}">
              <div>
                <dt>${t('console.overview.accepted')}</dt>
                <dd>${entry.answers.accepted}</dd>
              </div>
              <div>
                <dt>${t('console.overview.declined')}</dt>
                <dd>${entry.answers.declined}</dd>
              </div>
              <div>
                <dt>${t('console.overview.waiting')}</dt>
                <dd>${entry.answers.waiting}</dd>
              </div>
            </dl>
            <p>
              <a href="/console/answers/${event.id}"
                >${t('console.overview.answers')}<span class="visually-hidden">: ${event.title}</span></a
              >
            </p>`
        : html`<p class="muted">
            ${t('console.overview.partnerEvent', { partnership: entry.partnershipName ?? '' })}
          </p>`
    }
    ${
      problems.length > 0
        ? html`<ul class="problems" aria-label="${t('console.overview.problems')}">
            ${problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>`
        : null
    }
  </li>`;
}
