import { html, raw, SafeHtml } from '../html/html';
import { Language } from '../messages/messages';

export interface PageDocument {
  language: Language;
  title: string;
  /** Above the main content, e.g. the site's name and a language switch; adds a skip link. */
  header?: SafeHtml;
  body: SafeHtml;
  /** The page's own rules, after the shared ones. */
  style?: string;
  /** Pages behind a secret link (answer pages) must not end up in search engines. */
  noIndex?: boolean;
  skipLinkText?: string;
  /**
   * A script of our own (same origin, deferred) that improves a page which works without it, such
   * as suggestions in a search field.
   */
  enhancementScript?: string;
  /** More of the head: feed links, structured data. */
  head?: SafeHtml;
}

/**
 * Shared by every page: readable on a 390 px phone (nothing wider than the screen, long words
 * wrap), a visible focus ring, contrast of at least 4.5:1, and nothing that needs a script.
 */
const BASE_STYLE = `
  :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1a1a1a; background: #f6f6f3; }
  body { margin: 0; }
  .page { box-sizing: border-box; max-width: 46rem; min-height: 100vh; margin: 0 auto; padding: 0.5rem 1.25rem 2rem; background: #fff; overflow-wrap: anywhere; }
  h1 { font-size: clamp(1.45rem, 6vw, 2rem); line-height: 1.25; margin: 0.75rem 0 1rem; hyphens: auto; }
  h2 { font-size: 1.25rem; line-height: 1.3; }
  a { color: #004c80; }
  :focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
  .skip { position: absolute; left: -999px; }
  .skip:focus { left: 1rem; top: 1rem; z-index: 1; background: #fff; padding: 0.5rem; }
  input, select, button { font: inherit; }
  button { min-height: 2.75rem; padding: 0.5rem 1.25rem; border: 0; border-radius: 0.4rem; background: #1f5fa8; color: #fff; cursor: pointer; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; }
  @media (max-width: 32rem) {
    dl.facts { grid-template-columns: 1fr; gap: 0; }
    dl.facts dd + dt { margin-top: 0.6rem; }
  }
  .cancelled { color: #a00000; }
`;

/** The whole HTML document of a page, with the lang attribute of the language it is written in. */
export function pageDocument(page: PageDocument): string {
  const skip = page.header
    ? html`<a class="skip" href="#main">${page.skipLinkText ?? 'Skip to content'}</a>`
    : null;
  return html`<!doctype html>
    <html lang="${page.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${page.noIndex ? html`<meta name="robots" content="noindex, nofollow" />` : null}
        <title>${page.title}</title>
        ${page.enhancementScript ? html`<script src="${page.enhancementScript}" defer></script>` : null}
        ${page.head ?? null}
        <style>
          ${raw(BASE_STYLE)}${raw(page.style ?? '')}
        </style>
      </head>
      <body>
        ${skip}
        <div class="page">
          ${page.header ?? null}
          <main id="main">${page.body}</main>
        </div>
      </body>
    </html>`.value;
}
