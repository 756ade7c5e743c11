import { ConsoleSession } from '@app/accounts';
import {
  dayAt,
  HOST_ROLES,
  HostAssignmentView,
  HostingPlan,
  RoomingNight,
  roomingListOf,
} from '@app/hosting';
import { Event } from '@app/planning';
import { formatDay, formatSpan, formatTimesOfDay, html, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { HostingScreen } from './hosting-screen.service';

export const HOSTING_PATH = '/console/hosting';

const HOSTING_STYLE = `
  .scroll { overflow-x: auto; max-width: 100%; margin: 0 0 1.5rem; }
  .scroll:focus-visible { outline: 3px solid #b35c00; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #d8d8d2; vertical-align: top; }
  .grid th[scope="row"] { min-width: 8rem; position: sticky; left: 0; background: #f6f6f3; }
  .grid thead th { min-width: 7rem; }
  .cell-entry { display: flex; flex-wrap: wrap; align-items: center; gap: 0 0.25rem; }
  .items { list-style: none; padding: 0; margin: 0 0 1.5rem; }
  .items > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 0.75rem 1rem; margin-bottom: 0.75rem; }
  .items h3 { margin: 0 0 0.25rem; font-size: 1.05rem; }
  .flag { color: #a8322d; font-weight: 700; }
  fieldset { border: 1px solid #d8d8d2; border-radius: 0.5rem; margin: 0 0 1.5rem; padding: 0.75rem 1rem; }
  legend { font-weight: 700; padding: 0 0.25rem; }
  .checks { list-style: none; padding: 0; margin: 0 0 1rem; }
  .checks label { display: inline-flex; gap: 0.5rem; align-items: center; min-height: 2.75rem; }
  .links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
  .links a { display: inline-block; padding: 0.5rem 0; }
  @media print { .console-header, .console-nav, .no-print { display: none; } }
`;

export type HostingNotice = { kind: 'saved' } | { kind: 'schedules'; queued: number } | null;

export function visitsPage(session: ConsoleSession, visits: Event[]): string {
  const { t, intlLocale } = consoleMessages(session);
  const body = html`<h1>${t('console.hosting.title')}</h1>
    <p>${t('console.hosting.intro')}</p>
    <h2>${t('console.hosting.visitsHeading')}</h2>
    ${
      visits.length
        ? html`<ul class="items">
            ${visits.map(
              (visit) =>
                html`<li>
                  <h3><a href="${HOSTING_PATH}/${visit.id}">${visit.title}</a></h3>
                  <p class="muted">${formatSpan(visit, intlLocale, session.account.timeZone)}</p>
                </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t('console.hosting.noVisits')}</p>`
    }`;
  return consolePage({
    session,
    screen: 'hosting',
    title: t('console.hosting.title'),
    body,
    style: HOSTING_STYLE,
  });
}

export function hostingPage(session: ConsoleSession, screen: HostingScreen, notice: HostingNotice): string {
  const { t } = consoleMessages(session);
  const { plan } = screen;
  const path = `${HOSTING_PATH}/${plan.visit.id}`;
  const body = html`<p><a href="${HOSTING_PATH}">${t('console.hosting.back')}</a></p>
    <h1>${t('console.hosting.title')}: ${plan.visit.title}</h1>
    ${noticeOf(session, notice)}
    ${screen.mayChange ? null : html`<p class="notice">${t('console.hosting.readOnly')}</p>`}
    <h2 id="families">${t('console.hosting.hostFamiliesHeading')}</h2>
    ${familyGrid(session, screen, path)}
    <h2>${t('console.hosting.programmeHeading')}</h2>
    ${programmeList(session, screen, path)} ${screen.mayChange ? hostForm(session, screen, path) : null}
    <h2 id="rooms">${t('console.hosting.roomsHeading')}</h2>
    <p class="links">
      <a href="${path}/rooming-list">${t('console.hosting.printRooms')}</a>
      <a href="${path}/rooming-list/pdf">${t('console.hosting.roomsPdf')}</a>
    </p>
    ${roomTables(session, roomingListOf(plan, session.account.language), screen.mayChange ? path : null, 'h3')}
    ${screen.mayChange ? roomForm(session, screen, path) : null}
    <h2>${t('console.hosting.itinerariesHeading')}</h2>
    <ul class="links">
      ${plan.guests.map(
        (guest) =>
          html`<li>
            <a href="${path}/itineraries/${guest.person.id}/pdf"
              >${t('console.hosting.itinerary', { name: guest.person.name })}</a
            >
          </li>`,
      )}
    </ul>
    ${
      screen.mayChange
        ? html`<h2>${t('console.hosting.schedulesHeading')}</h2>
            <p>${t('console.hosting.schedulesIntro')}</p>
            <form method="post" action="${path}/schedules">
              ${csrfField(session)}
              <button type="submit">${t('console.hosting.sendSchedules')}</button>
            </form>`
        : null
    }`;
  return consolePage({
    session,
    screen: 'hosting',
    title: `${t('console.hosting.title')}: ${plan.visit.title}`,
    body,
    style: HOSTING_STYLE,
  });
}

/** The rooming list alone, to print. */
export function roomingListPage(session: ConsoleSession, plan: HostingPlan): string {
  const { t } = consoleMessages(session);
  const title = t('console.hosting.roomingListTitle', { visit: plan.visit.title });
  const body = html`<p class="no-print">
      <a href="${HOSTING_PATH}/${plan.visit.id}">${t('console.hosting.title')}: ${plan.visit.title}</a>
    </p>
    <h1>${title}</h1>
    ${roomTables(session, roomingListOf(plan, session.account.language), null, 'h2')}`;
  return consolePage({ session, screen: 'hosting', title, body, style: HOSTING_STYLE });
}

function noticeOf(session: ConsoleSession, notice: HostingNotice): SafeHtml | null {
  const { t } = consoleMessages(session);
  if (!notice) return null;
  const text =
    notice.kind === 'saved'
      ? t('console.hosting.saved')
      : notice.queued > 0
        ? t('console.hosting.schedulesSent', { count: notice.queued })
        : t('console.hosting.schedulesUnchanged');
  return html`<p class="notice" role="status">${text}</p>`;
}

function removeButton(session: ConsoleSession, action: string, label: string): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<form class="inline" method="post" action="${action}">
    ${csrfField(session)}
    <button class="link" type="submit" aria-label="${label}">${t('console.hosting.remove')}</button>
  </form>`;
}

function hostEntry(
  session: ConsoleSession,
  screen: HostingScreen,
  path: string,
  host: HostAssignmentView,
): SafeHtml {
  const { t } = consoleMessages(session);
  const role = t(`itinerary.role.${host.role}`);
  return html`<span class="cell-entry">
    <span>${host.hostName}${host.phone ? html`, ${host.phone}` : null}</span>
    ${host.partCancelled ? html`<span class="flag">${t('console.hosting.flagged')}</span>` : null}
    ${
      screen.mayChange
        ? removeButton(
            session,
            `${path}/hosts/${host.id}/remove`,
            t('console.hosting.removeLabel', { role, host: host.hostName, guest: host.guestName }),
          )
        : null
    }
  </span>`;
}

function familyGrid(session: ConsoleSession, screen: HostingScreen, path: string): SafeHtml {
  const { t, intlLocale } = consoleMessages(session);
  const { plan } = screen;
  if (plan.guests.length === 0) return html`<p class="muted">${t('console.hosting.noGuests')}</p>`;
  const families = plan.hosts.filter((host) => host.night !== null && host.role === 'host_family');
  return html`<div class="scroll" role="region" aria-labelledby="families" tabindex="0">
    <table class="grid">
      <thead>
        <tr>
          <th scope="col">${t('console.hosting.guest')}</th>
          ${plan.nights.map((night) => html`<th scope="col">${formatDay(night, intlLocale)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${plan.guests.map(
          (guest) =>
            html`<tr>
              <th scope="row">${guest.person.name}</th>
              ${plan.nights.map((night) => {
                const host = families.find(
                  (entry) => entry.guestPersonId === guest.person.id && entry.night === night,
                );
                return html`<td>
                  ${host ? hostEntry(session, screen, path, host) : html`<span class="muted">–</span>`}
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function programmeList(session: ConsoleSession, screen: HostingScreen, path: string): SafeHtml {
  const { t, intlLocale } = consoleMessages(session);
  const { plan } = screen;
  const items = plan.parts.filter((part) => part.kind !== 'accommodation');
  return html`<ul class="items">
    ${items.map((part) => {
      const assigned = plan.hosts.filter((host) => host.partId === part.id);
      return html`<li>
        <h3>
          ${part.title}${part.status === 'cancelled' ? html` <span class="flag">(${t('itinerary.cancelled')})</span>` : null}
        </h3>
        <p class="muted">
          ${formatDay(dayAt(part.startsAt, part.startZone), intlLocale)},
          ${formatTimesOfDay(part, intlLocale)}
        </p>
        ${
          assigned.length
            ? html`<ul>
                ${assigned.map(
                  (host) =>
                    html`<li>
                      ${t(`itinerary.role.${host.role}`)} → ${host.guestName}:
                      ${hostEntry(session, screen, path, host)}
                    </li>`,
                )}
              </ul>`
            : html`<p class="muted">${t('console.hosting.nobody')}</p>`
        }
      </li>`;
    })}
  </ul>`;
}

/** A labelled select; `name` is what the form posts, the id is prefixed by its form (two forms ask for a night). */
function select(
  form: string,
  name: string,
  label: string,
  options: Array<{ value: string; text: string }>,
  optional = false,
): SafeHtml {
  const id = `${form}-${name}`;
  return html`<div class="field">
    <label for="${id}">${label}</label>
    <select id="${id}" name="${name}">
      ${optional ? html`<option value="">—</option>` : null}
      ${options.map((option) => html`<option value="${option.value}">${option.text}</option>`)}
    </select>
  </div>`;
}

function input(form: string, name: string, label: string): SafeHtml {
  const id = `${form}-${name}`;
  return html`<div class="field">
    <label for="${id}">${label}</label>
    <input id="${id}" name="${name}" type="text" />
  </div>`;
}

function hostForm(session: ConsoleSession, screen: HostingScreen, path: string): SafeHtml {
  const { t, intlLocale } = consoleMessages(session);
  const { plan } = screen;
  const guests = plan.guests.map((guest) => ({ value: guest.person.id, text: guest.person.name }));
  return html`<form method="post" action="${path}/hosts">
    ${csrfField(session)}
    <fieldset>
      <legend>${t('console.hosting.assignHeading')}</legend>
      ${select('host', 'guestId', t('console.hosting.guest'), guests)}
      ${select(
        'host',
        'hostId',
        t('console.hosting.host'),
        screen.people.map((person) => ({ value: person.id, text: person.name })),
      )}
      ${select(
        'host',
        'role',
        t('console.hosting.role'),
        HOST_ROLES.map((role) => ({ value: role, text: t(`itinerary.role.${role}`) })),
      )}
      ${select(
        'host',
        'night',
        t('console.hosting.night'),
        plan.nights.map((night) => ({ value: night, text: formatDay(night, intlLocale) })),
        true,
      )}
      ${select(
        'host',
        'partId',
        t('console.hosting.part'),
        plan.parts
          .filter((part) => part.kind !== 'accommodation' && part.status !== 'cancelled')
          .map((part) => ({ value: part.id, text: part.title })),
        true,
      )}
      ${input('host', 'phone', t('console.hosting.phone'))}
      ${input('host', 'address', t('console.hosting.address'))}
      ${input('host', 'notes', t('console.hosting.notes'))}
      <button type="submit">${t('console.hosting.assign')}</button>
    </fieldset>
  </form>`;
}

/** The rooming list's tables, each night under a heading of the given level. */
function roomTables(
  session: ConsoleSession,
  nights: RoomingNight[],
  path: string | null,
  nightHeading: 'h2' | 'h3',
): SafeHtml {
  const { t } = consoleMessages(session);
  if (nights.length === 0) return html`<p class="muted">${t('console.hosting.noRooms')}</p>`;
  return html`${nights.map(
    (night) =>
      html`${nightHeading === 'h2' ? html`<h2>${night.heading}</h2>` : html`<h3>${night.heading}</h3>`}
        <table>
          <thead>
            <tr>
              <th scope="col">${t('console.hosting.room')}</th>
              <th scope="col">${t('console.hosting.roomGuests')}</th>
              <th scope="col">${t('console.hosting.accommodation')}</th>
            </tr>
          </thead>
          <tbody>
            ${night.rooms.map(
              (room) =>
                html`<tr>
                  <td>${room.room}</td>
                  <td>
                    ${room.guests.map(
                      (guest, index) =>
                        html`<span class="cell-entry"
                          >${guest}
                          ${
                            path
                              ? removeButton(
                                  session,
                                  `${path}/rooms/${room.assignmentIds[index]}/remove`,
                                  t('console.hosting.removeRoomLabel', { guest, room: room.room }),
                                )
                              : null
                          }</span
                        >`,
                    )}
                  </td>
                  <td>${room.accommodation}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
  )}`;
}

function roomForm(session: ConsoleSession, screen: HostingScreen, path: string): SafeHtml {
  const { t, intlLocale } = consoleMessages(session);
  const { plan } = screen;
  if (plan.accommodations.length === 0) return html``;
  const nights = [...new Set(plan.accommodations.flatMap((entry) => entry.nights))].sort();
  return html`<form method="post" action="${path}/rooms">
    ${csrfField(session)}
    <fieldset>
      <legend>${t('console.hosting.assignRoomHeading')}</legend>
      ${select(
        'room',
        'accommodationId',
        t('console.hosting.accommodation'),
        plan.accommodations.map((entry) => ({
          value: entry.event.id,
          text: entry.event.venueName ?? entry.event.title,
        })),
      )}
      ${select(
        'host',
        'night',
        t('console.hosting.accommodationNight'),
        nights.map((night) => ({ value: night, text: formatDay(night, intlLocale) })),
      )}
      ${input('room', 'room', t('console.hosting.room'))}
      <fieldset>
        <legend>${t('console.hosting.chooseGuests')}</legend>
        <ul class="checks">
          ${plan.guests.map(
            (guest) =>
              html`<li>
                <label
                  ><input type="checkbox" name="guestIds" value="${guest.person.id}" />
                  ${guest.person.name}</label
                >
              </li>`,
          )}
        </ul>
      </fieldset>
      <button type="submit">${t('console.hosting.assignRoom')}</button>
    </fieldset>
  </form>`;
}
