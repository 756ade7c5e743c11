/** Markup that is already safe; anything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/**
 * Trusted markup written by us (a stylesheet, a boolean attribute), never text typed by people:
 * the one explicit way around escaping, easy to find in review.
 */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * A template tag that escapes every interpolated value unless it is SafeHtml (from another `html`
 * or `raw`), so that names, titles and descriptions typed by people can never become markup. Pages
 * and emails are both written with it.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(
    strings.reduce(
      (out, text, index) => out + text + (index < values.length ? render(values[index]) : ''),
      '',
    ),
  );
}

/** Only web links become clickable; anything else (javascript:, data:) is shown as text. */
export function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Multi-line text typed by organisers (a description) as paragraphs with line breaks. */
export function paragraphs(text: string, style?: string): SafeHtml {
  const blocks = text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
  return html`${blocks.map(
    (block) =>
      html`<p${style ? html` style="${style}"` : null}>${block
        .split('\n')
        .map((line, index) => (index === 0 ? line : html`<br />${line}`))}</p>`,
  )}`;
}
