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
 * A quoted parameter value (the CN of ORGANIZER and ATTENDEE) as RFC 5545 §3.2 has it: the text
 * itself between double quotes, no escapes. What a quoted value cannot hold is replaced rather
 * than dropped, so the name stays readable: control characters and line breaks become spaces
 * (see singleLine), a double quote becomes an apostrophe. A caret becomes U+02C6 (ˆ), which looks
 * the same: readers of RFC 6868 take ^^, ^n and ^' as escapes where RFC 5545 readers see carets,
 * and ical-generator would write every caret as ^^. What is left, backslashes included, is
 * written as it is and read back the same by both kinds of readers.
 */
export function parameterText(text: string): string {
  return singleLine(text).replace(/"/g, "'").replace(/\^/g, '\u02c6');
}
