import { ConsoleSession } from '@app/accounts';
import { Event, EventTree, Locale, missingTranslations } from '@app/planning';
import { formatSpan, html, machineReadableStart, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage } from '../console-layout';
import { PROGRAMME_STYLE } from './programme-style';
import { Programme } from './programme.service';

export const PROGRAMME_PATH = '/console/programme';

export function editorPath(id: string): string {
  return `${PROGRAMME_PATH}/events/${id}`;
}

export function programmeListPage(session: ConsoleSession, programme: Programme): string {
  const { t } = consoleMessages(session);
  const writer = session.actor.role !== 'viewer';
  const body = html`<h1>${t('console.programme.title')}</h1>
    <p>${t('console.programme.intro', { organisation: programme.organisationName })}</p>
    ${
      writer
        ? html`<p><a class="button" href="${PROGRAMME_PATH}/new">${t('console.programme.newEvent')}</a></p>`
        : html`<p class="muted">${t('console.programme.readOnly')}</p>`
    }
    <h2>${t('console.programme.ownEvents')}</h2>
    ${eventList(session, programme.own)}
    ${
      programme.partners.length > 0
        ? html`<h2>${t('console.programme.partnerEvents')}</h2>
            ${eventList(session, programme.partners)}`
        : null
    }`;
  return consolePage({
    session,
    screen: 'programme',
    title: t('console.programme.title'),
    body,
    style: PROGRAMME_STYLE,
  });
}

function eventList(session: ConsoleSession, events: EventTree[]): SafeHtml {
  const { t } = consoleMessages(session);
  if (events.length === 0) return html`<p class="muted">${t('console.programme.none')}</p>`;
  return html`<ul class="events">
    ${events.map((event) => eventItem(session, event))}
  </ul>`;
}

function eventItem(session: ConsoleSession, event: EventTree): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  return html`<li>
    <h3>
      <a href="${editorPath(event.id)}">${event.title}</a> ${statusBadge(session, event)}
      ${missingBadges(session, event)}
    </h3>
    <p class="muted">
      <time datetime="${machineReadableStart(event)}">${formatSpan(event, messages.intlLocale)}</time>
      · ${t(`calendar.kinds.${event.kind}`)}
    </p>
    ${
      event.children.length > 0
        ? html`<ul
            class="parts"
            aria-label="${t('console.programme.parts', { count: event.children.length })}"
          >
            ${event.children.map(
              (part) =>
                html`<li>
                  <a href="${editorPath(part.id)}">${part.title}</a> ${statusBadge(session, part)}
                  ${missingBadges(session, part)}
                  <span class="muted"
                    >(${t(`calendar.kinds.${part.kind}`)}${part.children.length > 0 ? html`, ${t('console.programme.parts', { count: part.children.length })}` : null})</span
                  >
                </li>`,
            )}
          </ul>`
        : null
    }
  </li>`;
}

/** Drafts and cancelled events are marked; published ones are what everyone expects. */
export function statusBadge(session: ConsoleSession, event: Event): SafeHtml | null {
  const { t } = consoleMessages(session);
  if (event.status === 'draft') return html`<span class="badge">${t('console.programme.draft')}</span>`;
  if (event.status === 'cancelled')
    return html`<span class="badge cancelled">${t('console.programme.cancelled')}</span>`;
  return null;
}

/**
 * "sw missing" for each language whose readers would see some text of the event in its original
 * language; the language's name is read out with its code.
 */
export function missingBadges(
  session: ConsoleSession,
  event: Event,
  languages: Locale[] = missingTranslations(event),
): SafeHtml | null {
  const { t } = consoleMessages(session);
  if (languages.length === 0) return null;
  return html`${languages.map(
    (language) =>
      html`<span class="badge missing"
        >${t('console.programme.translations.missing', { code: language })}<span class="visually-hidden">
          (${t(`console.programme.translations.languages.${language}`)})</span
        ></span
      > `,
  )}`;
}
