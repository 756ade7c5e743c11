import { InvitationEmailFacts, REMINDER_GRACE_MINUTES, skipReason } from './invitation-email-rules';

const now = new Date('2026-09-20T07:00:00Z');
const start = new Date('2026-09-21T07:00:00Z');

function facts(overrides: Partial<InvitationEmailFacts> = {}): InvitationEmailFacts {
  return {
    kind: 'invitation',
    attempts: 0,
    sendAt: now,
    eventStartsAt: null,
    event: { id: 'event', status: 'published', startsAt: start },
    invitation: { status: 'invited', eventId: 'event' },
    workshopChoiceStatus: null,
    superseded: false,
    now,
    ...overrides,
  };
}

function reminder(overrides: Partial<InvitationEmailFacts> = {}): InvitationEmailFacts {
  return facts({
    kind: 'reminder',
    eventStartsAt: start,
    invitation: { status: 'accepted', eventId: 'event' },
    ...overrides,
  });
}

describe(skipReason.name, () => {
  it('should send an invitation that still applies', () => {
    expect(skipReason(facts())).toBeNull();
  });

  it('should skip when the invitation is gone, declined or cancelled', () => {
    expect(skipReason(facts({ invitation: null }))).toBe('invitation_gone');
    expect(skipReason(facts({ invitation: { status: 'declined', eventId: 'event' } }))).toBe(
      'invitation_declined',
    );
    expect(skipReason(facts({ kind: 'update', invitation: { status: 'cancelled', eventId: 'event' } }))).toBe(
      'invitation_cancelled',
    );
  });

  it('should skip everything but the cancellation for a cancelled event', () => {
    const cancelled = { id: 'event', status: 'cancelled', startsAt: start } as const;
    expect(skipReason(facts({ kind: 'update', event: cancelled }))).toBe('event_cancelled');
    expect(skipReason(reminder({ event: cancelled }))).toBe('event_cancelled');
    expect(skipReason(facts({ kind: 'cancellation', event: cancelled }))).toBeNull();
  });

  it('should send a cancellation only while something is cancelled, and not to people who declined', () => {
    expect(skipReason(facts({ kind: 'cancellation' }))).toBe('not_cancelled');
    expect(
      skipReason(facts({ kind: 'cancellation', invitation: { status: 'cancelled', eventId: 'event' } })),
    ).toBeNull();
    expect(
      skipReason(
        facts({
          kind: 'cancellation',
          event: { id: 'event', status: 'cancelled', startsAt: start },
          invitation: { status: 'declined', eventId: 'event' },
        }),
      ),
    ).toBe('invitation_declined');
  });

  it('should skip an update that a newer one supersedes', () => {
    expect(skipReason(facts({ kind: 'update', superseded: true }))).toBe('superseded_by_newer_update');
  });

  it('should send workshop emails only to people with a confirmed seat', () => {
    const workshop = { id: 'workshop', status: 'published', startsAt: start } as const;
    expect(skipReason(facts({ kind: 'update', event: workshop, workshopChoiceStatus: 'waitlisted' }))).toBe(
      'workshop_seat_not_confirmed',
    );
    expect(
      skipReason(facts({ kind: 'waitlist_promotion', event: workshop, workshopChoiceStatus: 'confirmed' })),
    ).toBeNull();
    expect(
      skipReason(facts({ kind: 'cancellation', event: workshop, workshopChoiceStatus: 'withdrawn' })),
    ).toBeNull();
  });

  it('should remind only people who accepted or are tentative', () => {
    expect(skipReason(reminder())).toBeNull();
    expect(skipReason(reminder({ invitation: { status: 'tentative', eventId: 'event' } }))).toBeNull();
    expect(skipReason(reminder({ invitation: { status: 'invited', eventId: 'event' } }))).toBe(
      'not_attending',
    );
    expect(skipReason(reminder({ invitation: { status: 'waitlisted', eventId: 'event' } }))).toBe(
      'not_attending',
    );
  });

  it('should skip a reminder computed for an earlier start of a moved event', () => {
    expect(skipReason(reminder({ eventStartsAt: new Date(start.getTime() - 3_600_000) }))).toBe(
      'event_moved',
    );
  });

  it('should skip a reminder first handled more than the grace period after it was due', () => {
    const graceMs = REMINDER_GRACE_MINUTES * 60_000;
    expect(skipReason(reminder({ sendAt: new Date(now.getTime() - graceMs + 1_000) }))).toBeNull();
    expect(skipReason(reminder({ sendAt: new Date(now.getTime() - graceMs - 1_000) }))).toBe(
      'reminder_too_late',
    );
  });

  it('should still send a late reminder on a retry, but never after the start', () => {
    const sendAt = new Date(now.getTime() - 60 * 60_000);
    expect(skipReason(reminder({ sendAt, attempts: 2 }))).toBeNull();
    expect(skipReason(reminder({ attempts: 2, now: new Date(start.getTime() + 1) }))).toBe('event_started');
  });
});
