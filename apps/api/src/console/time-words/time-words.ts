import { DateTime } from 'luxon';
import { html, Messages, SafeHtml } from '@app/presentation';

export const TIME_WORDS_SCRIPT_PATH = '/console/scripts/time-words.js';

/** The script that keeps the words under date fields in step with what is typed. */
export function timeWordsScript(): SafeHtml {
  return html`<script src="${TIME_WORDS_SCRIPT_PATH}" defer></script>`;
}

/** The id of the words under the date field with this id, for its aria-describedby. */
export function timeWordsId(fieldId: string): string {
  return `${fieldId}-words`;
}

/**
 * A date input's value in words in the console's language ("Dienstag, 4. März 2031 um 09:00"),
 * since the input itself shows the browser's format, which may not be the organiser's. The
 * script formats with the same options as the organiser types.
 */
export function timeInWords(value: string, intlLocale: string): string | null {
  const local = DateTime.fromISO(value, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(value) || !local.isValid) return null;
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone: 'UTC',
    dateStyle: 'full',
    ...(value.length > 10 ? { timeStyle: 'short' } : {}),
  }).format(local.toJSDate());
}

/**
 * The words under the date field with this id; the field names them with `data-time-words` and
 * its aria-describedby, so that a German organiser in an English browser reads the date unmistakably.
 */
export function timeWords(fieldId: string, value: string, messages: Messages): SafeHtml {
  const { t } = messages;
  const words = timeInWords(value, messages.intlLocale);
  return html`<p
    class="hint"
    id="${timeWordsId(fieldId)}"
    aria-live="polite"
    data-locale="${messages.intlLocale}"
    data-chosen="${t('console.programme.fields.chosenTime')}"
    data-none="${t('console.programme.fields.noTimeChosen')}"
  >
    ${words ? t('console.programme.fields.chosenTime', { when: words }) : t('console.programme.fields.noTimeChosen')}
  </p>`;
}
