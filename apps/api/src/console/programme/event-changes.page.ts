import { ConsoleSession } from '@app/accounts';
import { EventTree } from '@app/planning';
import { html, MessageKey, SafeHtml, zoneName } from '@app/presentation';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { timeWords, timeWordsId, timeWordsScript } from '../time-words/time-words';
import { errorSummary, FormErrors, valuesOfEvent } from './event-form';
import { facts } from './event-editor.page';
import { editorPath } from './programme-list.page';
import { PROGRAMME_STYLE } from './programme-style';
import { EventEditor } from './programme.service';

export interface ConfirmationView {
  editor: EventEditor;
  /** Invited people who get an email when the change is confirmed. */
  informed: number;
}

/** Before publishing: who gets an email, and that feeds show the event. */
export function publishPage(session: ConsoleSession, view: ConfirmationView): string {
  const { t } = consoleMessages(session);
  const { event } = view.editor;
  return confirmationPage(session, view, {
    title: t('console.programme.confirm.publishTitle', { title: event.title }),
    action: 'publish',
    button: 'console.programme.confirm.publish',
    lines: [
      t('console.programme.confirm.publishIntro'),
      informedLine(session, view.informed, 'console.programme.confirm.updateEmail'),
      t('console.programme.confirm.publishFeeds'),
    ],
  });
}

/** Before cancelling: its parts go with it, everyone invited hears of it, feeds keep it as cancelled. */
export function cancelPage(session: ConsoleSession, view: ConfirmationView): string {
  const { t } = consoleMessages(session);
  const { event } = view.editor;
  const parts = openParts(event);
  return confirmationPage(session, view, {
    title: t('console.programme.confirm.cancelTitle', { title: event.title }),
    action: 'cancel',
    button: 'console.programme.confirm.cancel',
    danger: true,
    lines: [
      ...(parts > 0 ? [t('console.programme.confirm.cancelParts', { count: parts })] : []),
      informedLine(session, view.informed, 'console.programme.confirm.cancellationEmail'),
      t('console.programme.confirm.cancelFeeds'),
    ],
  });
}

export interface MoveView extends ConfirmationView {
  again?: { startsAt: string; endsAt: string; errors: FormErrors };
}

/** The new times, with what moving does said above the button. */
export function movePage(session: ConsoleSession, view: MoveView): string {
  const messages = consoleMessages(session);
  const { t } = messages;
  const { event } = view.editor;
  const values = view.again ?? valuesOfEvent(event);
  const errors = view.again?.errors.fields ?? {};
  const timeField = (field: 'startsAt' | 'endsAt', label: MessageKey, zone: string, at: Date) => {
    const error = errors[field];
    const described = [`move-${field}-zone`, timeWordsId(`move-${field}`), error ? `move-${field}-error` : null]
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label for="move-${field}">${t(label)}</label>
      ${error ? html`<p class="field-error" id="move-${field}-error">${t(error)}</p>` : null}
      <input
        id="move-${field}"
        name="${field}"
        type="${event.allDay ? 'date' : 'datetime-local'}"
        value="${values[field]}"
        data-time-words="${timeWordsId(`move-${field}`)}"
        aria-describedby="${described}"
        ${error ? html`aria-invalid="true"` : null}
      />
      <p class="hint" id="move-${field}-zone">${zoneName(zone, at, messages.intlLocale)}</p>
      ${timeWords(`move-${field}`, values[field], messages)}
    </div>`;
  };
  const form = html`${errorSummary(messages, view.again?.errors ?? null)}
  ${timeField('startsAt', 'console.programme.fields.startsAt', event.startZone, event.startsAt)}
  ${timeField('endsAt', 'console.programme.fields.endsAt', event.endZone, event.endsAt)} ${timeWordsScript()}`;
  return confirmationPage(session, view, {
    title: t('console.programme.confirm.moveTitle', { title: event.title }),
    action: 'move',
    button: 'console.programme.confirm.move',
    lines: [
      t('console.programme.confirm.moveIntro'),
      informedLine(session, view.informed, 'console.programme.confirm.updateEmail'),
      t('console.programme.confirm.moveFeeds'),
    ],
    form,
  });
}

/** A copy to a new start date, or with the same times. */
export function copyPage(
  session: ConsoleSession,
  editor: EventEditor,
  again?: { startDate: string; errors: FormErrors },
): string {
  const messages = consoleMessages(session);
  const { t } = messages;
  const error = again?.errors.fields.startDate;
  const form = html`${errorSummary(messages, again?.errors ?? null)}
    <div class="field">
      <label for="copy-startDate">${t('console.programme.confirm.copyDate')}</label>
      ${error ? html`<p class="field-error" id="copy-startDate-error">${t(error)}</p>` : null}
      <input
        id="copy-startDate"
        name="startDate"
        type="date"
        value="${again?.startDate ?? ''}"
        data-time-words="${timeWordsId('copy-startDate')}"
        aria-describedby="copy-startDate-hint ${timeWordsId('copy-startDate')}${error ? ' copy-startDate-error' : ''}"
        ${error ? html`aria-invalid="true"` : null}
      />
      <p class="hint" id="copy-startDate-hint">${t('console.programme.confirm.copyDateHint')}</p>
      ${timeWords('copy-startDate', again?.startDate ?? '', messages)}
    </div>
    ${timeWordsScript()}`;
  return confirmationPage(
    session,
    { editor, informed: 0 },
    {
      title: t('console.programme.confirm.copyTitle', { title: editor.event.title }),
      action: 'copy',
      button: 'console.programme.confirm.copy',
      lines: [t('console.programme.confirm.copyIntro')],
      form,
    },
  );
}

interface Confirmation {
  title: string;
  action: 'publish' | 'cancel' | 'move' | 'copy';
  button: MessageKey;
  lines: string[];
  danger?: boolean;
  form?: SafeHtml;
}

function confirmationPage(
  session: ConsoleSession,
  view: ConfirmationView,
  confirmation: Confirmation,
): string {
  const { t } = consoleMessages(session);
  const { event, parent } = view.editor;
  const path = editorPath(event.id);
  const body = html`<p><a href="${path}">${t('console.programme.backToEvent', { title: event.title })}</a></p>
    <h1>${confirmation.title}</h1>
    ${facts(session, event, parent)}
    <ul class="consequences">
      ${confirmation.lines.map((line) => html`<li>${line}</li>`)}
    </ul>
    <form method="post" action="${path}/${confirmation.action}" novalidate>
      ${csrfField(session)}
      ${
        confirmation.action === 'copy'
          ? null
          : html`<input type="hidden" name="readAt" value="${event.updatedAt.toISOString()}" />`
      }
      ${confirmation.form ?? null}
      <div class="actions">
        <button type="submit" ${confirmation.danger ? html`class="danger"` : null}>
          ${t(confirmation.button)}
        </button>
        <a class="button secondary" href="${path}">${t('console.programme.confirm.keep')}</a>
      </div>
    </form>`;
  return consolePage({
    session,
    screen: 'programme',
    title: confirmation.title,
    body,
    style: PROGRAMME_STYLE,
  });
}

/**
 * A confirmed change that found the event changed by someone else since the page was read: the
 * event as it is now, and the way back to it, rather than a change over theirs.
 */
export function changedMeanwhilePage(session: ConsoleSession, editor: EventEditor): string {
  const { t } = consoleMessages(session);
  const { event, parent } = editor;
  const title = t('console.programme.changedMeanwhile.title');
  const body = html`<h1>${title}</h1>
    <p class="problem" role="alert">
      ${t('console.programme.changedMeanwhile.text', { title: event.title })}
    </p>
    ${facts(session, event, parent)}
    <p>
      <a class="button" href="${editorPath(event.id)}"
        >${t('console.programme.changedMeanwhile.reload', { title: event.title })}</a
      >
    </p>`;
  return consolePage({ session, screen: 'programme', title, body, style: PROGRAMME_STYLE });
}

function informedLine(session: ConsoleSession, count: number, email: MessageKey): string {
  const { t } = consoleMessages(session);
  return t('console.programme.confirm.informed', { count, email: t(email) });
}

/** Parts at any depth that a cancellation would cancel with the event. */
function openParts(event: EventTree): number {
  return event.children.reduce(
    (sum, part) => sum + (part.status === 'cancelled' ? 0 : 1) + openParts(part),
    0,
  );
}
