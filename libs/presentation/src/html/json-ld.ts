import { raw, SafeHtml } from './html';

/**
 * Characters that could end the script element or be read as markup, written as JSON escapes:
 * a title with `</script>` stays a string inside the JSON instead of closing the element.
 */
const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Structured data (schema.org) for search engines, as a JSON-LD script element. */
export function jsonLdScript(data: object): SafeHtml {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE_IN_SCRIPT[character]);
  return raw(`<script type="application/ld+json">${json}</script>`);
}
