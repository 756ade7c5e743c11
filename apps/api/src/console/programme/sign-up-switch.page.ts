import { DateTime } from 'luxon';
import { ConsoleSession } from '@app/accounts';
import { SignUpSettings } from '@app/invitations';
import { Event } from '@app/planning';
import { formatStart, html, MessageKey, SafeHtml } from '@app/presentation';
import { consoleMessages, csrfField } from '../console-layout';
import { timeWords, timeWordsId } from '../time-words/time-words';
import { editorPath } from './programme-list.page';

/** The sign-up section of an event's editor: its state, and for writers the switch and deadline. */
export interface SignUpSwitchView {
  settings: SignUpSettings;
  /** Whether the reader may change it (hosts' organisers and admins). */
  writer: boolean;
  saved?: boolean;
  /** The form shown again with what was entered and what was wrong. */
  again?: { open: boolean; deadline: string; problem: MessageKey };
}

export const SIGN_UP_SWITCH_STYLE = `
  .switch { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0.5rem 0; min-height: 2.75rem; }
  .switch input { width: 1.4rem; height: 1.4rem; margin: 0.1rem 0 0; flex: none; }
`;

export function signUpPath(eventId: string): string {
  return `${editorPath(eventId)}/sign-up`;
}

/** The deadline as the form shows it: local time at the place, for a datetime-local field. */
export function deadlineValue(event: Event, deadline: Date | null): string {
  if (!deadline) return '';
  return DateTime.fromJSDate(deadline, { zone: event.startZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The deadline the form's local time at the place means; null when empty, undefined when unreadable. */
export function deadlineOf(event: Event, value: string | undefined): Date | null | undefined {
  if (!value?.trim()) return null;
  const local = DateTime.fromISO(value.trim(), { zone: event.startZone });
  return local.isValid ? local.toJSDate() : undefined;
}

export function signUpSwitch(session: ConsoleSession, event: Event, view: SignUpSwitchView): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const { settings } = view;
  const until = settings.deadline
    ? formatStart(
        { startsAt: settings.deadline, startZone: event.startZone, allDay: false },
        messages.intlLocale,
      )
    : t('console.signUp.untilStart');
  const state = !settings.open
    ? t('console.signUp.closed')
    : settings.takingSignUps
      ? t('console.signUp.open', { until })
      : t('console.signUp.notTaking');
  const seats =
    settings.seatsLeft === null
      ? t('console.signUp.seatsUnlimited', { taken: settings.taken, pending: settings.pending })
      : t('console.signUp.seats', {
          taken: settings.taken,
          left: settings.seatsLeft,
          pending: settings.pending,
        });
  const checked = view.again?.open ?? settings.open;
  const deadline = view.again?.deadline ?? deadlineValue(event, settings.deadline);
  const possible = event.visibility === 'public' && event.status === 'published';
  return html`<section class="panel" aria-labelledby="sign-up-heading">
    <h2 id="sign-up-heading">${t('console.signUp.heading')}</h2>
    ${view.saved ? html`<p class="notice" role="status">${t('console.signUp.saved')}</p>` : null}
    <p>${t('console.signUp.intro')}</p>
    <p><strong>${state}</strong> ${seats}</p>
    ${settings.takingSignUps ? html`<p><a href="/calendar/events/${event.id}/sign-up?lang=${messages.language}">${t('console.signUp.publicPage')}</a></p>` : null}
    ${!possible && !settings.open ? html`<p class="muted">${t('console.signUp.notPossible')}</p>` : null}
    ${
      view.writer && (possible || settings.open)
        ? html`${view.again ? html`<p class="problem" role="alert">${t(view.again.problem)}</p>` : null}
            <form method="post" action="${signUpPath(event.id)}" novalidate>
              ${csrfField(session)}
              <label class="switch">
                <input type="checkbox" name="open" value="1" ${checked ? html`checked` : null} />
                <span>${t('console.signUp.switch')}</span>
              </label>
              <div class="field">
                <label for="sign-up-deadline">${t('console.signUp.deadline')}</label>
                <input
                  id="sign-up-deadline"
                  name="deadline"
                  type="datetime-local"
                  value="${deadline}"
                  data-time-words="${timeWordsId('sign-up-deadline')}"
                  aria-describedby="sign-up-deadline-hint ${timeWordsId('sign-up-deadline')}"
                  ${view.again ? html`aria-invalid="true"` : null}
                />
                <p class="hint" id="sign-up-deadline-hint">
                  ${t('console.signUp.deadlineHint')} (${event.startZone})
                </p>
                ${timeWords('sign-up-deadline', deadline, messages)}
              </div>
              <button type="submit">${t('console.signUp.save')}</button>
            </form>`
        : null
    }
  </section>`;
}
