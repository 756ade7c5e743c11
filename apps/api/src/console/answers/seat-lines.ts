import { ConsoleSession } from '@app/accounts';
import { ChoiceView } from '@app/invitations';
import { html, SafeHtml } from '@app/presentation';
import { consoleMessages } from '../console-layout';

/** The workshops an invitee holds a seat in or waits for; given-up seats are left out. */
export function seatLines(session: ConsoleSession, choices: ChoiceView[]): SafeHtml {
  const { t } = consoleMessages(session);
  const held = choices.filter((choice) => choice.status !== 'withdrawn');
  if (held.length === 0) return html`<span class="muted">–</span>`;
  return html`<ul class="seats-list">
    ${held.map(
      (choice) =>
        html`<li>
          ${
            choice.status === 'confirmed'
              ? t('console.answers.seat', { workshop: choice.title })
              : t('console.answers.waitlistPlace', { workshop: choice.title })
          }
        </li>`,
    )}
  </ul>`;
}
