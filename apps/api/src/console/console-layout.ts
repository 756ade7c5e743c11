import { ConsoleSession } from '@app/accounts';
import {
  html,
  Language,
  LANGUAGES,
  MessageKey,
  Messages,
  messagesFor,
  pageDocument,
  SafeHtml,
} from '@app/presentation';
import { CSRF_FIELD } from './csrf.guard';

export type ConsoleScreen =
  | 'overview'
  | 'programme'
  | 'invitations'
  | 'answers'
  | 'check-in'
  | 'people'
  | 'feeds'
  | 'hosting'
  | 'settings';

/** The screens of the console in the order of the navigation. */
const SCREENS: Array<{ key: MessageKey; screen: ConsoleScreen; path: string }> = [
  { key: 'console.nav.overview', screen: 'overview', path: '/console' },
  { key: 'console.nav.programme', screen: 'programme', path: '/console/programme' },
  { key: 'console.nav.invitations', screen: 'invitations', path: '/console/invitations' },
  { key: 'console.nav.answers', screen: 'answers', path: '/console/answers' },
  { key: 'console.nav.checkIn', screen: 'check-in', path: '/console/check-in' },
  { key: 'console.nav.people', screen: 'people', path: '/console/people' },
  { key: 'console.nav.feeds', screen: 'feeds', path: '/console/feeds' },
  { key: 'console.nav.hosting', screen: 'hosting', path: '/console/hosting' },
  { key: 'console.nav.settings', screen: 'settings', path: '/console/settings/team' },
];

/**
 * The sections of Settings, shown under the navigation on every settings page, Team's included
 * (settings/ renders the others).
 */
const SETTINGS_SECTIONS: Array<{ key: MessageKey; path: string }> = [
  { key: 'console.settings.team', path: '/console/settings/team' },
  { key: 'console.settings.organisation.title', path: '/console/settings' },
  { key: 'console.settings.apiKeys.title', path: '/console/settings/api-keys' },
  { key: 'console.settings.webhooks.title', path: '/console/settings/webhooks' },
  { key: 'console.settings.audit.title', path: '/console/settings/audit' },
  { key: 'console.settings.embedding.title', path: '/console/settings/embedding' },
];

const CONSOLE_STYLE = `
  .page { max-width: 72rem; }
  .console-header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.5rem 0; border-bottom: 1px solid #d8d8d2; }
  .console-name { font-weight: 700; font-size: 1.1rem; margin-right: auto; }
  .console-user { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; font-size: 0.95rem; }
  .console-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; list-style: none; margin: 0.5rem 0 0; padding: 0; }
  .console-nav a { display: inline-block; padding: 0.4rem 0.7rem; border-radius: 0.4rem; }
  .console-nav a[aria-current="page"] { background: #1f5fa8; color: #fff; text-decoration: none; }
  .inline { display: inline; margin: 0; }
  button.link { background: none; color: #004c80; text-decoration: underline; padding: 0.25rem; min-height: 2.75rem; }
  button.secondary { background: #fff; color: #1f5fa8; border: 2px solid #1f5fa8; }
  button.danger { background: #a8322d; }
  a.button { display: inline-block; box-sizing: border-box; min-height: 2.75rem; padding: 0.6rem 1.25rem; border-radius: 0.4rem; background: #1f5fa8; color: #fff; text-decoration: none; }
  .field { margin: 0 0 1rem; }
  .field label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  .field input, .field select { box-sizing: border-box; width: 100%; max-width: 28rem; padding: 0.55rem; border: 1px solid #6b6b6b; border-radius: 0.3rem; }
  .notice { padding: 0.75rem 1rem; border-left: 4px solid #1f5fa8; background: #eef4fb; }
  .problem { padding: 0.75rem 1rem; border-left: 4px solid #a8322d; background: #fbeeee; }
  .muted { color: #555; }
  .settings-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; list-style: none; margin: 0.75rem 0 0; padding: 0 0 0.5rem; border-bottom: 1px solid #d8d8d2; }
  .settings-nav a { display: inline-block; padding: 0.4rem 0.2rem; }
  .settings-nav a[aria-current="page"] { font-weight: 700; color: #1a1a1a; text-decoration-thickness: 3px; }
  /* Every screen's tables: columns on wide screens, one card per row on phones, where a cell's data-label names its column. */
  table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
  th, td { text-align: left; padding: 0.6rem 0.5rem; border-bottom: 1px solid #d8d8d2; vertical-align: top; overflow-wrap: break-word; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (max-width: 40rem) {
    table, thead, tbody, tr, th, td { display: block; }
    thead { position: absolute; left: -9999px; }
    tr { border: 1px solid #d8d8d2; border-radius: 0.5rem; margin-bottom: 0.75rem; padding: 0.5rem; }
    td { border: 0; padding: 0.25rem; }
    td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  }
`;

export interface ConsolePage {
  session: ConsoleSession;
  screen: ConsoleScreen;
  title: string;
  body: SafeHtml;
  style?: string;
  /** The page's own path, for the settings' sections to mark the one shown. */
  path?: string;
}

/** The hidden field every state-changing form of a session carries. */
export function csrfField(session: ConsoleSession): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${session.csrfToken}" />`;
}

export function consoleMessages(session: ConsoleSession): Messages {
  return messagesFor(session.account.language);
}

/** A screen of the console: navigation, language switch and sign-out around the screen's body. */
export function consolePage(page: ConsolePage): string {
  const { t, language } = consoleMessages(page.session);
  const header = html`<header class="console-header">
      <span class="console-name">${t('console.name')}</span>
      <div class="console-user">
        <span>${t('console.signedInAs', { name: page.session.account.name })}</span>
        ${LANGUAGES.filter((other) => other !== language).map(
          (other) =>
            html`<form class="inline" method="post" action="/console/language">
              ${csrfField(page.session)}
              <input type="hidden" name="language" value="${other}" />
              <button class="link" type="submit" lang="${other}">
                ${messagesFor(other).t('common.languageName')}
              </button>
            </form>`,
        )}
        <form class="inline" method="post" action="/console/sign-out">
          ${csrfField(page.session)}
          <button class="secondary" type="submit">${t('console.signOut')}</button>
        </form>
      </div>
    </header>
    <nav class="console-nav" aria-label="${t('console.navigation')}">
      <ul>
        ${SCREENS.map(
          (entry) =>
            html`<li>
              <a href="${entry.path}" ${entry.screen === page.screen ? html`aria-current="page"` : null}
                >${t(entry.key)}</a
              >
            </li>`,
        )}
      </ul>
    </nav>
    ${page.screen === 'settings' ? settingsSections(page) : null}`;
  return pageDocument({
    language,
    title: `${page.title} – ${t('console.name')}`,
    header,
    body: page.body,
    style: CONSOLE_STYLE + (page.style ?? ''),
    noIndex: true,
    skipLinkText: t('common.skipToContent'),
  });
}

function settingsSections(page: ConsolePage): SafeHtml {
  const { t } = consoleMessages(page.session);
  return html`<nav class="settings-nav" aria-label="${t('console.settings.sections')}">
    <ul>
      ${SETTINGS_SECTIONS.map(
        (section) =>
          html`<li>
            <a href="${section.path}" ${section.path === page.path ? html`aria-current="page"` : null}
              >${t(section.key)}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** A page outside a session (sign-in, its messages): the console's name, no navigation. */
export function signedOutPage(language: Language, title: string, body: SafeHtml): string {
  const { t } = messagesFor(language);
  return pageDocument({
    language,
    title: `${title} – ${t('console.name')}`,
    header: html`<header class="console-header">
      <span class="console-name">${t('console.name')}</span>
    </header>`,
    body,
    style: CONSOLE_STYLE,
    noIndex: true,
    skipLinkText: t('common.skipToContent'),
  });
}
