import { html, Language, messagesFor } from '@app/presentation';
import { signedOutPage } from '../console-layout';
import { singleSignOnEntry } from '../single-sign-on/single-sign-on.pages';

function languageSwitch(
  language: Language,
  path: string,
  returnPath: string | null,
): ReturnType<typeof html> {
  const other: Language = language === 'de' ? 'en' : 'de';
  const query = new URLSearchParams({ lang: other, ...(returnPath ? { next: returnPath } : {}) });
  return html`<p>
    <a href="${path}?${query.toString()}" lang="${other}">${other === 'de' ? 'Deutsch' : 'English'}</a>
  </p>`;
}

/** The screen the reader came from, carried through the sign-in forms. */
function returnField(returnPath: string | null): ReturnType<typeof html> | null {
  return returnPath ? html`<input type="hidden" name="next" value="${returnPath}" />` : null;
}

function codeForm(language: Language, email: string, returnPath: string | null): ReturnType<typeof html> {
  const { t } = messagesFor(language);
  return html`<h2>${t('console.codeTitle')}</h2>
    <p>${t('console.codeIntro')}</p>
    <form method="post" action="/console/sign-in/code">
      <input type="hidden" name="lang" value="${language}" />
      ${returnField(returnPath)}
      <div class="field">
        <label for="code-email">${t('console.email')}</label>
        <input
          id="code-email"
          name="email"
          type="email"
          autocomplete="email"
          required
          maxlength="320"
          value="${email}"
        />
      </div>
      <div class="field">
        <label for="code">${t('console.code')}</label>
        <input
          id="code"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          required
          maxlength="20"
        />
      </div>
      <button type="submit">${t('console.signInWithCode')}</button>
    </form>`;
}

/**
 * `singleSignOn`: the identity provider's name when single sign-on is set up, for its button.
 * `returnPath`: the console screen to open once signed in, instead of the overview.
 */
export function signInPage(
  language: Language,
  singleSignOn: string | null,
  returnPath: string | null,
): string {
  const { t } = messagesFor(language);
  const body = html`<h1>${t('console.signInTitle')}</h1>
    ${singleSignOn ? singleSignOnEntry(language, singleSignOn) : null}
    <p>${t('console.signInIntro')}</p>
    <form method="post" action="/console/sign-in">
      <input type="hidden" name="lang" value="${language}" />
      ${returnField(returnPath)}
      <div class="field">
        <label for="email">${t('console.email')}</label>
        <input id="email" name="email" type="email" autocomplete="email" required maxlength="320" />
      </div>
      <button type="submit">${t('console.sendLink')}</button>
    </form>
    ${codeForm(language, '', returnPath)} ${languageSwitch(language, '/console/sign-in', returnPath)}`;
  return signedOutPage(language, t('console.signInTitle'), body);
}

/** The same answer whether or not the address has an account. */
export function linkSentPage(language: Language, email: string, returnPath: string | null): string {
  const { t } = messagesFor(language);
  const body = html`<h1>${t('console.linkSentTitle')}</h1>
    <p class="notice" role="status">${t('console.linkSent', { email })}</p>
    ${codeForm(language, email, returnPath)}`;
  return signedOutPage(language, t('console.linkSentTitle'), body);
}

/**
 * Opening the link only asks to confirm: mail scanners that fetch every link in an email would
 * otherwise use it up before the person clicks it.
 */
export function confirmPage(language: Language, token: string): string {
  const { t } = messagesFor(language);
  const body = html`<h1>${t('console.confirmTitle')}</h1>
    <p>${t('console.confirmIntro')}</p>
    <form method="post" action="/console/sign-in/${token}">
      <button type="submit">${t('console.confirm')}</button>
    </form>`;
  return signedOutPage(language, t('console.confirmTitle'), body);
}
