import { html, SafeHtml } from '@app/presentation';

export const TIME_WORDS_SCRIPT_PATH = '/console/scripts/time-words.js';

/** The script that keeps the words under date fields in step with what is typed. */
export function timeWordsScript(): SafeHtml {
  return html`<script src="${TIME_WORDS_SCRIPT_PATH}" defer></script>`;
}
