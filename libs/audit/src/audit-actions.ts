/** The kinds of records the trail follows. */
export const AUDIT_RECORD_TYPES = [
  'event',
  'invitation',
  'sign_up',
  'person',
  'organisation',
  'partnership',
  'api_key',
  'membership',
  'audit_trail',
  'webhook_endpoint',
  'host_assignment',
  'room_assignment',
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/**
 * Every action the trail records, one per operation that changes a record. Stored with every
 * entry: never rename one once released.
 */
export const AUDIT_ACTIONS = [
  'event.created',
  'event.updated',
  'event.moved',
  'event.cancelled',
  'event.uncancelled',
  'event.deleted',
  /** The participant list was downloaded (details: format, whether with sensitive answers, rows). */
  'event.participants_exported',
  'invitation.created',
  'invitation.reinvited',
  'invitation.withdrawn',
  'invitation.answered',
  /** The invitation email went out again at an organiser's request. */
  'invitation.resent',
  /** The waitlist gave the invitee a seat (actor: system `waitlist`). */
  'invitation.promoted',
  /** Someone was ticked present at an event or session (`details.eventId`, the check-in's event). */
  'attendance.checked_in',
  /** A check-in was taken back. */
  'attendance.undone',
  /** Someone confirmed an open sign-up: the invitation was made for them (actor: the invitee). */
  'invitation.signed_up',
  /** A sign-up form was sent; it waits for the address to be confirmed. Holds no personal data. */
  'sign_up.requested',
  /** Open sign-up of an event was switched on or off, or its deadline changed. */
  'event.sign_up_changed',
  'person.created',
  'person.updated',
  'person.exported',
  'person.erased',
  'organisation.created',
  'organisation.updated',
  /** The code changed (with any other fields in the same change): its feeds redirect from the old one. */
  'organisation.code_changed',
  /** The sites that may embed its public calendar were replaced (admins only). */
  'organisation.embedding_origins_changed',
  'organisation.deleted',
  'partnership.created',
  'partnership.updated',
  'partnership.member_added',
  'partnership.member_removed',
  'partnership.deleted',
  'api_key.issued',
  'api_key.revoked',
  /** An admin invited a colleague; the membership exists once they sign in through the invitation. */
  'membership.invited',
  'membership.created',
  'membership.role_changed',
  'membership.removed',
  'audit_trail.pruned',
  'webhook_endpoint.created',
  /** URL, description, event types or enabled changed (never the secret). */
  'webhook_endpoint.updated',
  /** A new signing secret; the entry holds no secret, only that it changed. */
  'webhook_endpoint.secret_rotated',
  'webhook_endpoint.deleted',
  /** An event's registration questions were added, changed, reordered or removed. */
  'registration.questions_changed',
  /** Which questions a registration answered (never the values: some are sensitive). */
  'registration.answers_recorded',
  /** The answers to sensitive questions, past their retention after the event (a count, no values). */
  'registration.sensitive_answers_erased',
  /** An event's own number of days to keep sensitive answers was set, changed or returned to the default. */
  'registration.retention_changed',
  /** A host family, guide, interpreter or driver was assigned to a guest of a visit (libs/hosting). */
  'host_assignment.created',
  'host_assignment.deleted',
  /** A guest was put in a room of an accommodation for a night (or moved there from another room). */
  'room_assignment.created',
  'room_assignment.deleted',
  /** An organiser had the hosts of a visit sent their schedules; details count the emails. */
  'event.host_schedules_sent',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
