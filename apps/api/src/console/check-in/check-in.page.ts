import { ConsoleSession } from '@app/accounts';
import { AttendanceEntry, AttendanceSheet } from '@app/attendance';
import { Event, Partnership } from '@app/planning';
import { describeWhen, formatInstant, formatSpan, html, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage, csrfField } from '../console-layout';

export const CHECK_IN_PATH = '/console/check-in';

const CHECK_IN_STYLE = `
  .counts { font-size: 1.25rem; font-weight: 700; margin: 0.5rem 0 1rem; }
  .search { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0 0 1rem; }
  .search .field { margin: 0; flex: 0 1 28rem; }
  .attendees { list-style: none; padding: 0; margin: 0 0 1.5rem; }
  .attendees > li { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; padding: 0.75rem 0; border-bottom: 1px solid #d8d8d2; }
  .attendees .who { flex: 1 1 12rem; min-width: 0; }
  .attendees .who strong, .attendees .who span { display: block; }
  .attendees .who strong { font-size: 1.1rem; }
  .attendees form { margin: 0; flex: 0 0 auto; }
  .attendees button { min-height: 3.25rem; min-width: 8.5rem; font-size: 1.05rem; }
  .attendees .present .who strong::before { content: "✓ "; color: #1e6b34; }
  .present-since { color: #1e6b34; font-weight: 600; }
  .events { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: 0.75rem; }
  .events > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 0.75rem 1rem; }
  .events a { font-weight: 700; font-size: 1.1rem; }
  .documents { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; list-style: none; }
  .documents a { display: inline-block; padding: 0.5rem 0; }
  .scan { margin: 0 0 1rem; }
  .scan button { min-height: 3.5rem; width: 100%; max-width: 24rem; font-size: 1.2rem; }
`;

export function sheetPath(eventId: string, q?: string): string {
  return `${CHECK_IN_PATH}/${eventId}${q ? `?q=${encodeURIComponent(q)}` : ''}`;
}

/** Today's and the coming days' events to check in at, and the partnerships' reports. */
export function checkInIndexPage(
  session: ConsoleSession,
  events: Event[],
  partnerships: Partnership[],
): string {
  const { t, intlLocale } = consoleMessages(session);
  const body = html`<h1>${t('console.checkIn.title')}</h1>
    <p>${t('console.checkIn.intro')}</p>
    <h2>${t('console.checkIn.events')}</h2>
    ${
      events.length === 0
        ? html`<p class="muted">${t('console.checkIn.noEvents')}</p>`
        : html`<ul class="events">
            ${events.map(
              (event) =>
                html`<li>
                  <a href="${sheetPath(event.id)}">${event.title}</a>
                  <p class="muted">${formatSpan(event, intlLocale, session.account.timeZone)}</p>
                </li>`,
            )}
          </ul>`
    }
    ${
      partnerships.length > 0
        ? html`<h2>${t('console.checkIn.partnershipReports')}</h2>
            <ul class="documents">
              ${partnerships.map(
                (partnership) =>
                  html`<li>
                    <a href="${CHECK_IN_PATH}/partnerships/${partnership.id}/attendance.csv"
                      >${t('console.checkIn.partnershipReport', { name: partnership.name })}</a
                    >
                  </li>`,
              )}
            </ul>`
        : null
    }`;
  return consolePage({
    session,
    screen: 'check-in',
    title: t('console.checkIn.title'),
    body,
    style: CHECK_IN_STYLE,
  });
}

/** What was just done, shown above the list. */
export type SheetNotice = { kind: 'checkedIn' | 'undone'; name: string } | null;

/** The list to tick, filtered by `q` (a GET form, so it works without scripts). */
export function checkInSheetPage(
  session: ConsoleSession,
  sheet: AttendanceSheet,
  q: string,
  notice: SheetNotice,
): string {
  const { t, intlLocale } = consoleMessages(session);
  const { event } = sheet;
  const needle = q.trim().toLocaleLowerCase();
  const shown = needle
    ? sheet.entries.filter((entry) =>
        `${entry.name} ${entry.organisationName ?? ''}`.toLocaleLowerCase().includes(needle),
      )
    : sheet.entries;
  const body = html`<p><a href="${CHECK_IN_PATH}">${t('console.checkIn.back')}</a></p>
    <h1>${event.title}</h1>
    ${describeWhen(event, intlLocale, session.account.timeZone).map((line) => html`<p class="muted">${line.text}</p>`)}
    ${notice ? html`<p class="notice" role="status">${t(`console.checkIn.${notice.kind}`, { name: notice.name })}</p>` : null}
    <p class="counts" id="counts">
      ${t('console.checkIn.counts', { present: sheet.present, expected: sheet.expected })}
    </p>
    ${sheet.mayCheckIn ? null : html`<p class="notice">${t('console.checkIn.viewerNote')}</p>`}
    <form class="search" method="get" action="${sheetPath(event.id)}" role="search">
      <div class="field">
        <label for="q">${t('console.checkIn.search')}</label>
        <input id="q" name="q" type="search" value="${q}" autocomplete="off" />
      </div>
      <button type="submit" class="secondary">${t('console.checkIn.filter')}</button>
      ${q ? html`<a href="${sheetPath(event.id)}">${t('console.checkIn.showAll')}</a>` : null}
    </form>
    ${
      sheet.entries.length === 0
        ? html`<p class="muted">${t('console.checkIn.noAttendees')}</p>`
        : shown.length === 0
          ? html`<p class="muted">${t('console.checkIn.noMatch', { q })}</p>`
          : html`<ul class="attendees" aria-describedby="counts">
              ${shown.map((entry) => attendeeItem(session, sheet, entry, q))}
            </ul>`
    }
    <ul class="documents">
      <li><a href="${CHECK_IN_PATH}/${event.id}/attendance.pdf">${t('console.checkIn.print')}</a></li>
      <li><a href="${CHECK_IN_PATH}/${event.id}/attendance.csv">${t('console.checkIn.report')}</a></li>
    </ul>`;
  return consolePage({
    session,
    screen: 'check-in',
    title: `${t('console.checkIn.title')}: ${event.title}`,
    body,
    style: CHECK_IN_STYLE,
  });
}

function attendeeItem(
  session: ConsoleSession,
  sheet: AttendanceSheet,
  entry: AttendanceEntry,
  q: string,
): SafeHtml {
  const { t, intlLocale } = consoleMessages(session);
  const present = entry.checkedInAt !== null;
  return html`<li id="attendee-${entry.invitationId}" class="${present ? 'present' : ''}">
    <div class="who">
      <strong>${entry.name}</strong>
      ${entry.organisationName ? html`<span class="muted">${entry.organisationName}</span>` : null}
      ${
        entry.checkedInAt
          ? html`<span class="present-since"
              >${t('console.checkIn.checkedInAt', { time: formatInstant(entry.checkedInAt, intlLocale, session.account.timeZone) })}</span
            >`
          : null
      }
    </div>
    ${
      sheet.mayCheckIn
        ? html`<form method="post" action="${CHECK_IN_PATH}/${sheet.event.id}/attendance">
            ${csrfField(session)}
            <input type="hidden" name="invitation" value="${entry.invitationId}" />
            <input type="hidden" name="present" value="${present ? '0' : '1'}" />
            ${q ? html`<input type="hidden" name="q" value="${q}" />` : null}
            <button
              type="submit"
              class="${present ? 'secondary' : ''}"
              aria-label="${t(present ? 'console.checkIn.undoName' : 'console.checkIn.tickName', { name: entry.name })}"
            >
              ${t(present ? 'console.checkIn.undo' : 'console.checkIn.tick')}
            </button>
          </form>`
        : null
    }
  </li>`;
}

/** The page a scanned code opens: who it is, and one button to check them in. */
export function scanPage(
  session: ConsoleSession,
  sheet: AttendanceSheet,
  entry: AttendanceEntry,
  action: string,
): string {
  const { t, intlLocale } = consoleMessages(session);
  const { event } = sheet;
  const body = html`<p><a href="${sheetPath(event.id)}">${event.title}</a></p>
    <h1>${t('console.checkIn.scanTitle', { name: entry.name })}</h1>
    ${entry.organisationName ? html`<p>${entry.organisationName}</p>` : null}
    <p class="muted">${t('console.checkIn.scanIntro')}</p>
    <p>${formatSpan(event, intlLocale, session.account.timeZone)}</p>
    ${
      entry.checkedInAt
        ? html`<p class="notice" role="status">
            ${t('console.checkIn.alreadyPresent', { time: formatInstant(entry.checkedInAt, intlLocale, session.account.timeZone) })}
          </p>`
        : sheet.mayCheckIn
          ? html`<form class="scan" method="post" action="${action}">
              ${csrfField(session)}
              <button type="submit">${t('console.checkIn.confirm')}</button>
            </form>`
          : html`<p class="notice">${t('console.checkIn.viewerNote')}</p>`
    }
    <p class="counts">
      ${t('console.checkIn.counts', { present: sheet.present, expected: sheet.expected })}
    </p>`;
  return consolePage({
    session,
    screen: 'check-in',
    title: t('console.checkIn.scanTitle', { name: entry.name }),
    body,
    style: CHECK_IN_STYLE,
  });
}
