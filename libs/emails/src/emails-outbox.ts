/** The emails outbox's name in Redis keys (its relay's nudge channel and rebuilt marker). */
export const EMAILS_OUTBOX = 'emails';
