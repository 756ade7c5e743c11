import { Answer, ChoiceStatus, InvitationStatus, isAttending } from './invitation-status';

/**
 * The invitation's status after an answer. Accepting takes a seat of the event when it has a
 * capacity; without a free one the person waits, and keeps their place when they repeat it.
 */
export function statusAfterAnswer(
  current: InvitationStatus,
  answer: Answer,
  seatFree: boolean,
): InvitationStatus {
  switch (answer) {
    case 'decline':
      return 'declined';
    case 'tentative':
      return 'tentative';
    case 'accept':
      if (current === 'accepted') return 'accepted';
      return seatFree ? 'accepted' : 'waitlisted';
  }
}

export interface HeldChoice {
  eventId: string;
  status: ChoiceStatus;
}

export interface ChoicePlan {
  /** Workshops whose seat (or waitlist place) is given up. */
  withdraw: HeldChoice[];
  /** Workshops newly asked for. */
  request: string[];
}

/** What to change so that the person holds exactly the workshops they want; the rest stays. */
export function planChoices(held: HeldChoice[], wanted: string[]): ChoicePlan {
  const active = held.filter((choice) => choice.status !== 'withdrawn');
  const wantedIds = new Set(wanted);
  const activeIds = new Set(active.map((choice) => choice.eventId));
  return {
    withdraw: active.filter((choice) => !wantedIds.has(choice.eventId)),
    request: [...wantedIds].filter((eventId) => !activeIds.has(eventId)),
  };
}

/** The events a person is reminded of: the invited one and their confirmed workshops, if they come. */
export function remindedEventIds(
  invitedEventId: string,
  status: InvitationStatus,
  confirmedWorkshopIds: string[],
): string[] {
  return isAttending(status) ? [invitedEventId, ...confirmedWorkshopIds] : [];
}

export function difference(from: string[], remove: string[]): string[] {
  const removed = new Set(remove);
  return from.filter((value) => !removed.has(value));
}
