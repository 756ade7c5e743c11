import { difference, planChoices, remindedEventIds, statusAfterAnswer } from './attendance';

describe(statusAfterAnswer.name, () => {
  it('should accept when a seat is free and waitlist when none is', () => {
    expect(statusAfterAnswer('invited', 'accept', true)).toBe('accepted');
    expect(statusAfterAnswer('invited', 'accept', false)).toBe('waitlisted');
  });

  it('should keep an accepted person accepted when they accept again, even if the event is now full', () => {
    expect(statusAfterAnswer('accepted', 'accept', false)).toBe('accepted');
  });

  it('should keep a waiting person on the waitlist when they accept again and no seat is free', () => {
    expect(statusAfterAnswer('waitlisted', 'accept', false)).toBe('waitlisted');
  });

  it('should let anyone decline or answer tentatively regardless of seats', () => {
    expect(statusAfterAnswer('accepted', 'decline', true)).toBe('declined');
    expect(statusAfterAnswer('waitlisted', 'tentative', false)).toBe('tentative');
    expect(statusAfterAnswer('declined', 'tentative', true)).toBe('tentative');
  });
});

describe(planChoices.name, () => {
  it('should withdraw seats no longer wanted and request new ones, leaving kept seats alone', () => {
    const plan = planChoices(
      [
        { eventId: 'a', status: 'confirmed' },
        { eventId: 'b', status: 'waitlisted' },
        { eventId: 'c', status: 'withdrawn' },
      ],
      ['a', 'c', 'd'],
    );
    expect(plan.withdraw).toEqual([{ eventId: 'b', status: 'waitlisted' }]);
    expect(plan.request).toEqual(['c', 'd']);
  });

  it('should change nothing when the same workshops are chosen again', () => {
    expect(planChoices([{ eventId: 'a', status: 'confirmed' }], ['a', 'a'])).toEqual({
      withdraw: [],
      request: [],
    });
  });
});

describe(remindedEventIds.name, () => {
  it('should remind people who accepted or are tentative of the event and their confirmed workshops', () => {
    expect(remindedEventIds('e', 'accepted', ['w'])).toEqual(['e', 'w']);
    expect(remindedEventIds('e', 'tentative', [])).toEqual(['e']);
  });

  it('should remind nobody who declined, waits for a seat or has not answered', () => {
    expect(remindedEventIds('e', 'declined', ['w'])).toEqual([]);
    expect(remindedEventIds('e', 'waitlisted', ['w'])).toEqual([]);
    expect(remindedEventIds('e', 'invited', ['w'])).toEqual([]);
  });

  it('should tell which reminders start and stop between two answers', () => {
    const before = remindedEventIds('e', 'accepted', ['w1', 'w2']);
    const after = remindedEventIds('e', 'accepted', ['w2', 'w3']);
    expect(difference(after, before)).toEqual(['w3']);
    expect(difference(before, after)).toEqual(['w1']);
  });
});
