import { ConsoleSession } from '@app/accounts';
import { html } from '@app/presentation';
import { ConsoleScreen, consolePage, csrfField } from '../console-layout';

export interface Confirmation {
  session: ConsoleSession;
  screen: ConsoleScreen;
  title: string;
  text: string;
  /** Where the confirming form posts. */
  action: string;
  confirmLabel: string;
  cancel: { path: string; label: string };
}

/**
 * Asks before something that cannot be undone (a revoked link or key stops working at once): a
 * page of its own, so that it works without script and a stray click does nothing yet.
 */
export function confirmationPage(confirmation: Confirmation): string {
  const body = html`<h1>${confirmation.title}</h1>
    <p>${confirmation.text}</p>
    <form method="post" action="${confirmation.action}" class="confirm-actions">
      ${csrfField(confirmation.session)}
      <button type="submit" class="danger">${confirmation.confirmLabel}</button>
      <a href="${confirmation.cancel.path}">${confirmation.cancel.label}</a>
    </form>`;
  return consolePage({
    session: confirmation.session,
    screen: confirmation.screen,
    title: confirmation.title,
    body,
    style: '.confirm-actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }',
  });
}
