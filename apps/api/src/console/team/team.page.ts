import { ConsoleSession, Team } from '@app/accounts';
import { isAdmin, Role, ROLES } from '@app/planning';
import { html, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage, csrfField } from '../console-layout';

const TEAM_STYLE = `
  .member-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
  .member-actions select { box-sizing: border-box; width: 100%; max-width: 22rem; padding: 0.5rem; border: 1px solid #6b6b6b; border-radius: 0.3rem; min-height: 2.75rem; }
  .member-actions form { max-width: 100%; }
  .invite { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 1rem; max-width: 36rem; }
`;

export interface TeamView {
  session: ConsoleSession;
  organisationName: string;
  team: Team;
  /** After an invitation was sent: to whom. */
  invited: string | null;
}

export function teamPage(view: TeamView): string {
  const { session } = view;
  const { t } = consoleMessages(session);
  const admin = isAdmin(session.actor);
  const body = html`<h1>${t('console.team.title')}</h1>
    <p>${t('console.team.intro', { organisation: view.organisationName })}</p>
    ${view.invited ? html`<p class="notice" role="status">${t('console.team.invited', { email: view.invited })}</p>` : null}
    ${admin ? null : html`<p class="muted">${t('console.team.viewerNote')}</p>`}
    <table>
      <thead>
        <tr>
          <th scope="col">${t('console.team.name')}</th>
          <th scope="col">${t('console.team.email')}</th>
          <th scope="col">${t('console.team.role')}</th>
        </tr>
      </thead>
      <tbody>
        ${view.team.members.map(
          (member) =>
            html`<tr>
              <td>
                ${member.name} ${member.accountId === session.account.id ? t('console.team.you') : null}
              </td>
              <td>${member.email}</td>
              <td>
                ${admin ? memberActions(session, member.accountId, member.name, member.role) : t(`console.team.roleNames.${member.role}`)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      view.team.invitations.length > 0
        ? html`<h2>${t('console.team.pending')}</h2>
            <ul>
              ${view.team.invitations.map(
                (invitation) =>
                  html`<li>
                    ${invitation.name} (${invitation.email}) –
                    ${t(`console.team.roleNames.${invitation.role}`)}
                  </li>`,
              )}
            </ul>`
        : null
    }
    ${admin ? inviteForm(session) : null}`;
  return consolePage({
    session,
    screen: 'settings',
    title: t('console.team.title'),
    body,
    style: TEAM_STYLE,
  });
}

function roleOptions(session: ConsoleSession, current: Role): SafeHtml {
  const { t } = consoleMessages(session);
  return html`${ROLES.map(
    (role) =>
      html`<option value="${role}" ${role === current ? html`selected` : null}>
        ${t(`console.team.roles.${role}`)}
      </option>`,
  )}`;
}

function memberActions(session: ConsoleSession, accountId: string, name: string, role: Role): SafeHtml {
  const { t } = consoleMessages(session);
  const id = `role-${accountId}`;
  return html`<div class="member-actions">
    <form class="member-actions" method="post" action="/console/settings/team/members/${accountId}/role">
      ${csrfField(session)}
      <label class="visually-hidden" for="${id}">${t('console.team.role')}: ${name}</label>
      <select id="${id}" name="role">
        ${roleOptions(session, role)}
      </select>
      <button type="submit" class="secondary">
        ${t('console.team.change')}<span class="visually-hidden">: ${name}</span>
      </button>
    </form>
    <form method="post" action="/console/settings/team/members/${accountId}/remove">
      ${csrfField(session)}
      <button type="submit" class="danger">
        ${t('console.team.remove')}<span class="visually-hidden">: ${name}</span>
      </button>
    </form>
  </div>`;
}

function inviteForm(session: ConsoleSession): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<section class="invite" aria-labelledby="invite-heading">
    <h2 id="invite-heading">${t('console.team.invite')}</h2>
    <p>${t('console.team.inviteHint')}</p>
    <form method="post" action="/console/settings/team/invitations">
      ${csrfField(session)}
      <div class="field">
        <label for="invite-name">${t('console.team.name')}</label>
        <input id="invite-name" name="name" required maxlength="200" autocomplete="off" />
      </div>
      <div class="field">
        <label for="invite-email">${t('console.team.email')}</label>
        <input id="invite-email" name="email" type="email" required maxlength="320" autocomplete="off" />
      </div>
      <div class="field">
        <label for="invite-role">${t('console.team.role')}</label>
        <select id="invite-role" name="role">
          ${roleOptions(session, 'viewer')}
        </select>
      </div>
      <button type="submit">${t('console.team.send')}</button>
    </form>
  </section>`;
}
