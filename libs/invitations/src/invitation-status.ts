export const INVITATION_STATUSES = [
  'invited',
  'accepted',
  'tentative',
  'declined',
  'waitlisted',
  'cancelled',
] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const CHOICE_STATUSES = ['confirmed', 'waitlisted', 'withdrawn'] as const;
export type ChoiceStatus = (typeof CHOICE_STATUSES)[number];

/** What a person can say on the answer page. */
export const ANSWERS = ['accept', 'tentative', 'decline'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Only these get reminders: they said they come, or might. */
export const ATTENDING_STATUSES: readonly InvitationStatus[] = ['accepted', 'tentative'];

/** Everyone except those who said no or were uninvited still hears about changes. */
export const INFORMED_STATUSES: readonly InvitationStatus[] = [
  'invited',
  'accepted',
  'tentative',
  'waitlisted',
];

export function isAttending(status: InvitationStatus): boolean {
  return ATTENDING_STATUSES.includes(status);
}
