import { html, SafeHtml } from '@app/presentation';

export const COPY_SCRIPT_PATH = '/console/scripts/copy-field.js';

export interface CopyField {
  id: string;
  label: string | SafeHtml;
  value: string;
  /** Snippets and secrets of several lines read better in a text area. */
  multiline?: boolean;
  texts: { copy: string; copied: string; failed: string };
}

/**
 * A value to copy: a labelled read-only field that works without script, and a copy button that
 * the copy script shows; its outcome is announced in a live region.
 */
export function copyField(field: CopyField): SafeHtml {
  const input = field.multiline
    ? html`<textarea id="${field.id}" readonly rows="4" spellcheck="false">${field.value}</textarea>`
    : html`<input id="${field.id}" readonly value="${field.value}" spellcheck="false" />`;
  return html`<div class="copy-field">
    <label for="${field.id}">${field.label}</label>
    <div class="copy-row">
      ${input}
      <button
        type="button"
        class="secondary"
        data-copy="${field.id}"
        data-copied="${field.texts.copied}"
        data-failed="${field.texts.failed}"
        hidden
      >
        ${field.texts.copy}
      </button>
    </div>
    <p class="copy-status" id="${field.id}-status" role="status"></p>
  </div>`;
}

/** Loaded once per page that has copy fields; it only adds the buttons' behaviour. */
export function copyScript(): SafeHtml {
  return html`<script src="${COPY_SCRIPT_PATH}" defer></script>`;
}

export const COPY_FIELD_STYLE = `
  .copy-field { margin: 0 0 0.75rem; }
  .copy-field label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  .copy-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: start; }
  .copy-row input, .copy-row textarea { box-sizing: border-box; flex: 1 1 16rem; min-width: 0; max-width: 100%; padding: 0.5rem; border: 1px solid #6b6b6b; border-radius: 0.3rem; font-family: ui-monospace, monospace; font-size: 0.9rem; background: #f7f7f4; }
  .copy-row textarea { width: 100%; resize: vertical; }
  .copy-status { margin: 0; font-size: 0.9rem; color: #1d5c2e; }
`;
