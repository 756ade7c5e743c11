import { ConsoleSession } from '@app/accounts';
import { Event, PersonView } from '@app/planning';
import { describeWhen, formatSpan, html, machineReadableStart, Messages, SafeHtml } from '@app/presentation';
import { InvitationStatus, InvitePreview } from '@app/invitations';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { InviteField, InviteProblem } from './invite-problems';
import { PREVIEW_STYLE, previewSection } from './invite-preview.page';
import { ChoosableWorkshop, InviteScreen, InviteSelection } from './invite.service';

const INVITE_STYLE = `
  .events { list-style: none; padding: 0; margin: 0 0 2rem; display: grid; gap: 1rem; }
  .events > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 0.9rem 1rem; }
  .events h2 { margin: 0 0 0.25rem; font-size: 1.1rem; }
  .events p { margin: 0; }
  fieldset { border: 1px solid #d8d8d2; border-radius: 0.5rem; margin: 0 0 1.25rem; padding: 0.75rem 1rem 1rem; min-width: 0; }
  legend { font-weight: 700; font-size: 1.1rem; padding: 0 0.25rem; }
  .hint { margin: 0 0 0.5rem; color: #555; }
  .choices { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.15rem 1.5rem; }
  .choices label { display: flex; gap: 0.6rem; align-items: flex-start; padding: 0.35rem 0; min-height: 2rem; }
  .choices input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; flex: none; }
  .choices small { display: block; color: #555; }
  .search { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin-bottom: 0.75rem; }
  .search label { flex: 1 1 100%; font-weight: 600; }
  .search input { flex: 1 1 14rem; box-sizing: border-box; max-width: 28rem; padding: 0.55rem; border: 1px solid #6b6b6b; border-radius: 0.3rem; }
  .field-problem { color: #8a1f1a; font-weight: 600; margin: 0 0 0.5rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1.5rem 0 2rem; }
  .invited { padding-left: 1.2rem; }
  @media (min-width: 60rem) {
    .choices { grid-template-columns: 1fr 1fr; }
    .events { grid-template-columns: 1fr 1fr; }
  }
`;

export interface SentNotice {
  sent: number;
  alreadyInvited: number;
}

export interface InvitePageView {
  session: ConsoleSession;
  screen: InviteScreen;
  selection: InviteSelection;
  /** After sending: how many went out. */
  notice?: SentNotice | null;
  preview?: InvitePreview | null;
  problem?: InviteProblem | null;
}

/** The first step: which of the organisation's upcoming events to invite to. */
export function eventChoicePage(session: ConsoleSession, events: Event[]): string {
  const messages = consoleMessages(session);
  const { t } = messages;
  const body = html`<h1>${t('console.invite.title')}</h1>
    ${
      events.length === 0
        ? html`<p class="muted">${t('console.invite.noEvents')}</p>`
        : html`<p>${t('console.invite.chooseEvent')}</p>
            <ul class="events">
              ${events.map(
                (event) =>
                  html`<li>
                    <h2><a href="/console/invitations/${event.id}">${event.title}</a></h2>
                    <p class="muted">
                      <time datetime="${machineReadableStart(event)}"
                        >${formatSpan(event, messages.intlLocale, session.account.timeZone)}</time
                      >
                      · ${t(`calendar.kinds.${event.kind}`)} · ${t(`console.invite.statuses.${event.status}`)}
                    </p>
                  </li>`,
              )}
            </ul>`
    }`;
  return consolePage({ session, screen: 'invitations', title: t('console.invite.title'), body, style: INVITE_STYLE });
}

/** An event's invite page: the choice of recipients, the preview, and who is invited already. */
export function invitePage(view: InvitePageView): string {
  const { session, screen } = view;
  const messages = consoleMessages(session);
  const { t } = messages;
  const { event } = screen;
  const title = t('console.invite.inviteTo', { title: event.title });
  const body = html`<p><a href="/console/invitations">${t('console.invite.otherEvent')}</a></p>
    <h1>${title}</h1>
    <dl class="facts">
      ${describeWhen(event, messages.intlLocale, session.account.timeZone).map(
        (line) => html`<dt>${t(line.label)}</dt>
          <dd>${line.text}</dd>`,
      )}
      <dt>${t('console.invite.status')}</dt>
      <dd>${t(`console.invite.statuses.${event.status}`)}</dd>
    </dl>
    ${view.notice ? sentNotice(session, event.id, view.notice) : null}
    ${view.problem ? problemSummary(session, view.problem) : null}
    ${screen.open ? null : html`<p class="notice">${t('console.invite.closed')}</p>`}
    ${screen.mayInvite ? null : html`<p class="muted">${t('console.invite.readOnly')}</p>`}
    ${screen.open && screen.mayInvite ? inviteForm(view) : null}
    ${invitedSection(session, screen)}`;
  return consolePage({ session, screen: 'invitations', title, body, style: INVITE_STYLE + PREVIEW_STYLE });
}

function sentNotice(session: ConsoleSession, eventId: string, notice: SentNotice): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<p class="notice" role="status">
    ${t('console.invite.sent', { count: notice.sent })}.
    ${notice.alreadyInvited > 0 ? t('console.invite.alreadySent', { count: notice.alreadyInvited }) : null}
    <a href="/console/answers/${eventId}">${t('console.invite.toAnswers')}</a>
  </p>`;
}

function problemSummary(session: ConsoleSession, problem: InviteProblem): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<div class="problem" role="alert">
    <p><strong>${t('console.invite.problemsTitle')}</strong></p>
    <p>${t(problem.message)}</p>
  </div>`;
}

/** The id of the message beside a field, when the problem is about that field. */
function problemId(problem: InviteProblem | null | undefined, field: InviteField): string | null {
  return problem?.field === field ? `${field}-problem` : null;
}

function fieldProblem(view: InvitePageView, field: InviteField): SafeHtml | null {
  const id = problemId(view.problem, field);
  return id && view.problem
    ? html`<p class="field-problem" id="${id}">${consoleMessages(view.session).t(view.problem.message)}</p>`
    : null;
}

/** The ids an element is described by: a hint and the problem of its field, where there are. */
function describedBy(...ids: Array<string | null>): SafeHtml | null {
  const present = ids.filter((id): id is string => id !== null);
  return present.length > 0 ? html`aria-describedby="${present.join(' ')}"` : null;
}

function inviteForm(view: InvitePageView): SafeHtml {
  const { session, screen, selection, preview } = view;
  const { t } = consoleMessages(session);
  const path = `/console/invitations/${screen.event.id}`;
  const organisationNames = new Map(screen.organisations.map((organisation) => [organisation.id, organisation.name]));
  return html`<form method="post" action="${path}" novalidate>
    ${csrfField(session)}
    <h2>${t('console.invite.formTitle')}</h2>
    ${fieldProblem(view, 'recipients')}
    <fieldset ${describedBy(problemId(view.problem, 'recipients'), problemId(view.problem, 'personIds'))}>
      <legend>${t('console.invite.people')}</legend>
      ${fieldProblem(view, 'personIds')}
      <div class="search">
        <label for="invite-q">${t('console.invite.search')}</label>
        <input id="invite-q" name="q" type="search" value="${selection.q}" maxlength="200" autocomplete="off" />
        <button class="secondary" type="submit" name="step" value="search">${t('console.invite.searchButton')}</button>
      </div>
      ${
        screen.people.length > 0
          ? choiceList(
              screen.people.map((person) => ({
                name: 'personIds',
                id: person.id,
                label: person.name,
                detail: personDetail(person, organisationNames, screen.invitedPeople.get(person.id), t),
                checked: selection.personIds.includes(person.id),
              })),
            )
          : html`<p class="muted">${t('console.invite.noPeople')}</p>`
      }
    </fieldset>
    <fieldset ${describedBy('organisations-hint', problemId(view.problem, 'organisationIds'))}>
      <legend>${t('console.invite.organisations')}</legend>
      <p class="hint" id="organisations-hint">${t('console.invite.organisationsHint')}</p>
      ${fieldProblem(view, 'organisationIds')}
      ${choiceList(
        screen.organisations.map((organisation) => ({
          name: 'organisationIds',
          id: organisation.id,
          label: organisation.name,
          detail: organisation.code,
          checked: selection.organisationIds.includes(organisation.id),
        })),
      )}
    </fieldset>
    <fieldset ${describedBy('partnerships-hint', problemId(view.problem, 'partnershipIds'))}>
      <legend>${t('console.invite.partnerships')}</legend>
      <p class="hint" id="partnerships-hint">${t('console.invite.partnershipsHint')}</p>
      ${fieldProblem(view, 'partnershipIds')}
      ${
        screen.partnerships.length > 0
          ? choiceList(
              screen.partnerships.map((partnership) => ({
                name: 'partnershipIds',
                id: partnership.id,
                label: partnership.name,
                detail: null,
                checked: selection.partnershipIds.includes(partnership.id),
              })),
            )
          : html`<p class="muted">${t('console.invite.noPartnerships')}</p>`
      }
    </fieldset>
    ${screen.workshops.length > 0 ? workshopChoice(view, screen.workshops) : null}
    ${preview ? previewSection(session, preview) : null}
    <div class="actions">
      <button class="secondary" type="submit" name="step" value="preview" formaction="${path}#preview">
        ${t('console.invite.previewButton')}
      </button>
      <button type="submit" formaction="${path}/send">
        ${preview ? t('console.invite.sendCount', { count: preview.newlyInvited }) : t('console.invite.sendButton')}
      </button>
    </div>
  </form>`;
}

function workshopChoice(view: InvitePageView, workshops: ChoosableWorkshop[]): SafeHtml {
  const messages = consoleMessages(view.session);
  const { t } = messages;
  return html`<fieldset ${describedBy('workshops-hint', problemId(view.problem, 'workshopIds'))}>
    <legend>${t('console.invite.workshops')}</legend>
    <p class="hint" id="workshops-hint">${t('console.invite.workshopsHint')}</p>
    ${fieldProblem(view, 'workshopIds')}
    ${choiceList(
      workshops.map(({ event, seatsLeft }) => ({
        name: 'workshopIds',
        id: event.id,
        label: event.title,
        detail: [
          formatSpan(event, messages.intlLocale, view.session.account.timeZone),
          seatsLeft === null
            ? null
            : seatsLeft > 0
              ? t('console.invite.seatsLeft', { count: seatsLeft })
              : t('console.invite.full'),
        ]
          .filter((part) => part !== null)
          .join(' · '),
        checked: view.selection.workshopIds.includes(event.id),
      })),
    )}
  </fieldset>`;
}

interface Choice {
  name: 'personIds' | 'organisationIds' | 'partnershipIds' | 'workshopIds';
  id: string;
  label: string;
  detail: string | null;
  checked: boolean;
}

function choiceList(choices: Choice[]): SafeHtml {
  return html`<ul class="choices">
    ${choices.map(
      (choice) =>
        html`<li>
          <label>
            <input type="checkbox" name="${choice.name}" value="${choice.id}" ${choice.checked ? html`checked` : null} />
            <span>${choice.label}${choice.detail ? html`<small>${choice.detail}</small>` : null}</span>
          </label>
        </li>`,
    )}
  </ul>`;
}

/**
 * A person's email where the reader may see it (their own organisation's people), organisation,
 * and whether they are invited already (choosing them again invites nobody twice).
 */
function personDetail(
  person: PersonView,
  organisationNames: Map<string, string>,
  invitation: InvitationStatus | undefined,
  t: Messages['t'],
): string | null {
  const organisation = person.organisationId ? (organisationNames.get(person.organisationId) ?? null) : null;
  const invited =
    invitation && invitation !== 'cancelled'
      ? t('console.invite.invitedAs', { status: t(`console.invite.invitationStatuses.${invitation}`) })
      : null;
  return (
    [person.contactVisible ? person.email : null, organisation, invited]
      .filter((part) => part !== null)
      .join(' · ') || null
  );
}

function invitedSection(session: ConsoleSession, screen: InviteScreen): SafeHtml {
  const { t } = consoleMessages(session);
  const total = screen.summary.total - screen.summary.counts.cancelled;
  const shown = screen.invited.filter((invitation) => invitation.status !== 'cancelled');
  return html`<section aria-labelledby="invited-heading">
    <h2 id="invited-heading">${t('console.invite.invitedTitle')}</h2>
    ${
      total === 0
        ? html`<p class="muted">${t('console.invite.invitedNone')}</p>`
        : html`<p>${t('console.invite.invitedCount', { count: total })}</p>
            <ul class="invited">
              ${shown.map(
                (invitation) =>
                  html`<li>
                    ${invitation.person.name} – ${t(`console.invite.invitationStatuses.${invitation.status}`)}
                  </li>`,
              )}
            </ul>
            ${
              total > shown.length
                ? html`<p class="muted">${t('console.invite.invitedMore', { count: total - shown.length })}</p>`
                : null
            }`
    }
  </section>`;
}
