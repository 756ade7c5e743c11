const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/**
 * One line of plain text for a property that ical-generator writes without escaping (calendar
 * name and description) or inside a quoted parameter (the organiser's CN). Line breaks and other
 * control characters become spaces, so a name like "Arnsberg\r\nMETHOD:CANCEL" cannot add lines.
 */
export function singleLine(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** TEXT escaping of RFC 5545 §3.3.11 for values ical-generator passes through verbatim. */
export function escapeText(text: string): string {
  return singleLine(text).replace(/[\\;,]/g, (character) => `\\${character}`);
}

/**
 * A quoted parameter value cannot contain a double quote at all (RFC 5545 §3.2), and
 * ical-generator's backslash escape is not understood by clients, so quotes become apostrophes.
 */
export function parameterText(text: string): string {
  return singleLine(text).replace(/"/g, "'");
}
