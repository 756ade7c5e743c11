import { ParticipantProgramme, ProgrammeInvitation } from '@app/invitations';
import { Event } from '@app/planning';
import {
  describeWhen,
  formatSpan,
  html,
  isWebLink,
  Language,
  Messages,
  messagesFor,
  pageDocument,
  SafeHtml,
} from '@app/presentation';

const STYLE = `
  .note { padding: 0.75rem 1rem; border-radius: 0.4rem; background: #eef5ee; border: 1px solid #8fbf8f; }
  .programme { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
  .programme > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 1rem; min-width: 0; }
  .programme h3 { margin: 0 0 0.5rem; font-size: 1.2rem; }
  .programme dl { margin: 0 0 0.75rem; }
  .programme dt { font-weight: 600; }
  .programme dd { margin: 0 0 0.5rem; }
  .seats { margin: 0 0 0.75rem; padding-left: 1.25rem; }
  .seats li { margin: 0 0 0.4rem; }
  .check-in { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-start; margin-top: 0.75rem; }
  .check-in figure { margin: 0; }
  .check-in svg { width: 9.5rem; height: 9.5rem; display: block; }
  .check-in figcaption { font-size: 0.9rem; max-width: 9.5rem; }
  .field { margin: 0 0 1rem; }
  .field label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  .field input { box-sizing: border-box; width: 100%; max-width: 28rem; padding: 0.55rem; border: 1px solid #6b6b6b; border-radius: 0.3rem; }
  .problem { padding: 0.75rem 1rem; border-left: 4px solid #a8322d; background: #fbeeee; }
`;

/** A check-in code drawn as SVG, for one event of the programme. */
export interface CheckInCode {
  eventId: string;
  invitationId: string;
  title: string;
  svg: SafeHtml;
}

/** What the page shows; each section below renders a part of it. */
export interface ProgrammePageView {
  programme: ParticipantProgramme;
  checkInCodes: CheckInCode[];
  calendarLinkSent: boolean;
}

type ProgrammeSection = (view: ProgrammePageView, messages: Messages) => SafeHtml | null;

/**
 * The page is its sections, in this order: each one renders a part of the view or nothing.
 * A delegate's itinerary is linked from the visit's entry, as it lives behind that invitation's link.
 */
const SECTIONS: ProgrammeSection[] = [eventsSection, calendarSection];

/** Events whose guests have an itinerary day by day (see hosting). */
const TRAVELS: readonly string[] = ['delegation_visit', 'exchange_trip'];

export function renderProgrammePage(view: ProgrammePageView): string {
  const { person, host } = view.programme;
  const messages = messagesFor(person.locale);
  const { t } = messages;
  const body = html`<h1>${t('myProgramme.pageTitle')}</h1>
    <p>${t('common.greeting', { name: person.name })}</p>
    <p>${t('myProgramme.intro', { host: host.name })}</p>
    ${view.calendarLinkSent ? html`<p class="note" role="status">${t('myProgramme.calendarLinkSent')}</p>` : null}
    ${SECTIONS.map((section) => section(view, messages))}`;
  return programmeDocument(messages, t('myProgramme.pageTitle'), body);
}

export function programmeDocument(messages: Messages, title: string, body: SafeHtml): string {
  return pageDocument({ language: messages.language, title, body, style: STYLE, noIndex: true });
}

function eventsSection(view: ProgrammePageView, messages: Messages): SafeHtml {
  const { t } = messages;
  const { invitations } = view.programme;
  return html`<section aria-labelledby="events-heading">
    <h2 id="events-heading">${t('myProgramme.eventsHeading')}</h2>
    ${
      invitations.length === 0
        ? html`<p>${t('myProgramme.none')}</p>`
        : html`<ul class="programme">
            ${invitations.map((invitation) => eventItem(invitation, view, messages))}
          </ul>`
    }
  </section>`;
}

function eventItem(invitation: ProgrammeInvitation, view: ProgrammePageView, messages: Messages): SafeHtml {
  const { t } = messages;
  const { event } = invitation;
  const zone = view.programme.person.timeZone;
  const codes = view.checkInCodes.filter((code) => code.invitationId === invitation.invitationId);
  return html`<li>
    <h3>${event.title}${event.status === 'cancelled' ? html` (${t('common.cancelled')})` : null}</h3>
    <dl>
      ${describeWhen(event, messages.intlLocale, zone).map(
        (line) =>
          html`<dt>${t(line.label)}</dt>
            <dd>${line.text}</dd>`,
      )}
      ${place(event, messages)}
      <dt>${t('myProgramme.yourAnswer')}</dt>
      <dd>${t(`answerPage.status.${invitation.status}`)}</dd>
    </dl>
    ${
      invitation.seats.length > 0
        ? html`<p><strong>${t('myProgramme.seatsHeading')}</strong></p>
            <ul class="seats">
              ${invitation.seats.map(
                (seat) =>
                  html`<li>
                    ${seat.event.title} – ${formatSpan(seat.event, messages.intlLocale, zone)}
                    (${t(seat.status === 'confirmed' ? 'myProgramme.seatConfirmed' : 'myProgramme.seatWaitlisted')})
                  </li>`,
              )}
            </ul>`
        : null
    }
    <p><a href="${invitation.answerUrl}">${t('myProgramme.changeAnswer')}</a></p>
    ${
      TRAVELS.includes(event.kind)
        ? html`<p><a href="${invitation.answerUrl}/itinerary">${t('myProgramme.itinerary')}</a></p>`
        : null
    }
    ${
      codes.length > 0
        ? html`<div class="check-in">
            ${codes.map(
              (code) =>
                html`<figure>
                  <span role="img" aria-labelledby="code-${code.eventId}">${code.svg}</span>
                  <figcaption id="code-${code.eventId}">
                    ${t('myProgramme.checkInCode', { title: code.title })}
                  </figcaption>
                </figure>`,
            )}
            <p>${t('myProgramme.checkInHint')}</p>
          </div>`
        : null
    }
  </li>`;
}

function calendarSection(_view: ProgrammePageView, messages: Messages): SafeHtml {
  const { t } = messages;
  // Relative: the page is at /answer/:token/programme, so the form posts beside it.
  return html`<section aria-labelledby="calendar-heading">
    <h2 id="calendar-heading">${t('myProgramme.calendarHeading')}</h2>
    <p>${t('myProgramme.calendarIntro')}</p>
    <p>${t('myProgramme.calendarRenew')}</p>
    <form method="post" action="programme/calendar-link">
      <button type="submit">${t('myProgramme.sendCalendarLink')}</button>
    </form>
  </section>`;
}

function place(event: Event, { t }: Messages): SafeHtml | null {
  const venue = [event.venueName, event.venueAddress].filter((part): part is string => Boolean(part));
  const online = event.onlineUrl && isWebLink(event.onlineUrl) ? event.onlineUrl : null;
  if (venue.length === 0 && !online) return null;
  return html`<dt>${venue.length > 0 ? t('common.where') : t('common.online')}</dt>
    ${venue.length > 0 ? html`<dd>${venue.join(', ')}</dd>` : null}
    ${online ? html`<dd><a href="${online}" rel="noopener noreferrer">${t('common.joinOnline')}</a></dd>` : null}`;
}

/** The "Lost your link?" form, and the same answer after it whatever the address. */
export function renderLostLinkPage(
  language: Language,
  state: { sentTo?: string; invalid?: boolean; email?: string },
): string {
  const messages = messagesFor(language);
  const { t } = messages;
  if (state.sentTo !== undefined) {
    return programmeDocument(
      messages,
      t('myProgramme.lostSentTitle'),
      html`<h1>${t('myProgramme.lostSentTitle')}</h1>
        <p role="status">${t('myProgramme.lostSent', { email: state.sentTo })}</p>`,
    );
  }
  return programmeDocument(
    messages,
    t('myProgramme.lostTitle'),
    html`<h1>${t('myProgramme.lostTitle')}</h1>
      <p>${t('myProgramme.lostIntro')}</p>
      ${state.invalid ? html`<p class="problem" id="email-problem">${t('myProgramme.lostInvalid')}</p>` : null}
      <form method="post">
        <div class="field">
          <label for="email">${t('myProgramme.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            required
            value="${state.email ?? ''}"
            ${state.invalid ? html`aria-invalid="true" aria-describedby="email-problem"` : null}
          />
        </div>
        <button type="submit">${t('myProgramme.sendLinks')}</button>
      </form>`,
  );
}
