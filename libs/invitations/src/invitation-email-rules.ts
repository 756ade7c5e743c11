import { EmailKind } from '@app/emails';
import { EventStatus } from '@app/planning';
import { ATTENDING_STATUSES, ChoiceStatus, InvitationStatus } from './invitation-status';

/** A reminder not started within this time after it was due is skipped rather than sent late. */
export const REMINDER_GRACE_MINUTES = 15;

/** What is known at send time about an invitation email and the things it is about. */
export interface InvitationEmailFacts {
  kind: EmailKind;
  /** SMTP attempts made before this one. */
  attempts: number;
  sendAt: Date;
  /** For reminders: the event start the reminder was computed from. */
  eventStartsAt: Date | null;
  event: { id: string; status: EventStatus; startsAt: Date };
  /** Absent for emails without an invitation; null when the email had one and it is gone. */
  invitation?: { status: InvitationStatus; eventId: string } | null;
  /** The person's seat in a workshop, for emails about a workshop inside the invited event. */
  workshopChoiceStatus: ChoiceStatus | null;
  /** An update about the same event and invitation with a higher sequence exists. */
  superseded: boolean;
  now: Date;
}

/**
 * Why an invitation email no longer applies, or null when it should go out. Producers only write
 * outbox rows; this is the one place that decides at send time, from the state of the database then.
 */
export function skipReason(facts: InvitationEmailFacts): string | null {
  const { invitation, event } = facts;
  if (invitation === null) return 'invitation_gone';
  const aboutWorkshop = invitation !== undefined && invitation.eventId !== event.id;
  if (facts.kind === 'cancellation') return cancellationSkipReason(facts, aboutWorkshop);
  if (event.status === 'cancelled') return 'event_cancelled';
  // Someone who declined and signs up again is sent their link, to change their answer there.
  if (invitation?.status === 'declined' && facts.kind !== 'already_signed_up') return 'invitation_declined';
  if (invitation?.status === 'cancelled') return 'invitation_cancelled';
  if (aboutWorkshop && facts.workshopChoiceStatus !== 'confirmed') return 'workshop_seat_not_confirmed';
  if (facts.kind === 'update' && facts.superseded) return 'superseded_by_newer_update';
  if (facts.kind === 'reminder') return reminderSkipReason(facts);
  return null;
}

function cancellationSkipReason(facts: InvitationEmailFacts, aboutWorkshop: boolean): string | null {
  if (facts.invitation?.status === 'declined') return 'invitation_declined';
  const cancelled =
    facts.event.status === 'cancelled' ||
    facts.invitation?.status === 'cancelled' ||
    (aboutWorkshop && facts.workshopChoiceStatus === 'withdrawn');
  return cancelled ? null : 'not_cancelled';
}

function reminderSkipReason(facts: InvitationEmailFacts): string | null {
  if (facts.invitation && !ATTENDING_STATUSES.includes(facts.invitation.status)) return 'not_attending';
  if (!facts.eventStartsAt || facts.eventStartsAt.getTime() !== facts.event.startsAt.getTime()) {
    return 'event_moved';
  }
  if (facts.now.getTime() >= facts.event.startsAt.getTime()) return 'event_started';
  // Only the first attempt is held to the grace period: a retry after an SMTP outage is late
  // because of us, and a reminder before the start is still worth delivering.
  const lateBy = facts.now.getTime() - facts.sendAt.getTime();
  if (facts.attempts === 0 && lateBy > REMINDER_GRACE_MINUTES * 60_000) return 'reminder_too_late';
  return null;
}
