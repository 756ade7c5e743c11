export const EMAIL_KINDS = [
  'invitation',
  'update',
  'cancellation',
  'waitlist_promotion',
  'reminder',
  /** A one-time sign-in link and code for the console (libs/accounts); about no event. */
  'sign_in',
  /** Open sign-up: the link that confirms a sign-up (libs/invitations); about an event, no person yet. */
  'sign_up',
  /** Open sign-up: the confirmed person's answer link and seat. */
  'signed_up',
  /** Open sign-up by someone invited or signed up already: their answer link again, nothing new. */
  'already_signed_up',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Kinds about an event and an invitee, which InvitationEmails writes and decides. */
export type EventEmailKind = Exclude<EmailKind, 'sign_in' | 'sign_up'>;

/** Kinds that ask for an answer: they carry the answer link; a cancellation has nothing to answer. */
export const ANSWERABLE_KINDS: readonly EmailKind[] = [
  'invitation',
  'update',
  'reminder',
  'waitlist_promotion',
  'signed_up',
  'already_signed_up',
];

/**
 * queued: written, waiting for its time or for a worker; sending: a worker has started the SMTP
 * transaction; sent: the relay accepted it; retrying: a temporary failure, BullMQ retries with
 * backoff; failed: a permanent failure or retries exhausted; skipped: no longer applies.
 */
export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'retrying', 'failed', 'skipped'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** States in which the email may still go out. */
export const PENDING_STATUSES: readonly EmailStatus[] = ['queued', 'retrying', 'sending'];
