export const EMAIL_KINDS = [
  'invitation',
  'update',
  'cancellation',
  'waitlist_promotion',
  'reminder',
  /** A one-time sign-in link and code for the console (libs/accounts); about no event. */
  'sign_in',
  /** A host's assignments for a visit (libs/hosting): eventId is the visit, personId the host. */
  'host_schedule',
  /** A participant's personal feed link, asked for on their programme page (libs/invitations); about no event. */
  'feed_link',
  /** Links to a participant's programme pages, asked for by their email address; about no event. */
  'programme_links',
  /** Open sign-up: the link that confirms a sign-up (libs/invitations); about an event, no person yet. */
  'sign_up',
  /** Open sign-up: the confirmed person's answer link and seat. */
  'signed_up',
  /** Open sign-up by someone invited or signed up already: their answer link again, nothing new. */
  'already_signed_up',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Kinds about a participant rather than an event, which ParticipantEmails (libs/invitations) decides. */
export const PARTICIPANT_KINDS = ['feed_link', 'programme_links'] as const;
export type ParticipantEmailKind = (typeof PARTICIPANT_KINDS)[number];

/** Kinds about an event and an invitee, which InvitationEmails writes and decides. */
export type EventEmailKind = Exclude<
  EmailKind,
  'sign_in' | 'sign_up' | 'host_schedule' | ParticipantEmailKind
>;

export function isParticipantKind(kind: EmailKind): kind is ParticipantEmailKind {
  return (PARTICIPANT_KINDS as readonly EmailKind[]).includes(kind);
}

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
