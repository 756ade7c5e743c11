/**
 * Closes the description of every event the demo adds after the source texts end (2024), so that
 * nobody mistakes an invented follow-up for a documented one.
 */
export const FOLLOW_UP_NOTE =
  '\n\nFolgetermin im Demo-Programm: fortgeschrieben aus den Quelltexten, nicht aus ihnen belegt. ' +
  'Follow-up added to the demo programme; not from the source texts.';
