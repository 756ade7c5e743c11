import { html, Language, messagesFor } from '@app/presentation';
import { signedOutPage } from '../console-layout';

/** The provider's button on the sign-in page, above the email form. */
export function singleSignOnEntry(language: Language, provider: string): ReturnType<typeof html> {
  const { t } = messagesFor(language);
  // A link, not a form: the Content Security Policy's form-action would stop the redirect to the provider.
  // Only a word between the two ways in: the email form's own intro follows and says what it does.
  return html`<p><a class="button" href="/console/sso">${t('console.sso.button', { provider })}</a></p>
    <p class="muted">${t('console.sso.orEmail')}</p>`;
}

export interface SingleSignOnProblem {
  title: string;
  text: string;
  /** Where the reader goes on: start again, or sign in by email. */
  next: { path: string; label: string };
}

export function singleSignOnProblemPage(language: Language, problem: SingleSignOnProblem): string {
  const body = html`<h1>${problem.title}</h1>
    <p class="problem" role="alert">${problem.text}</p>
    <p><a href="${problem.next.path}">${problem.next.label}</a></p>`;
  return signedOutPage(language, problem.title, body);
}
