import { DomainError } from '@app/errors';
import {
  assertCapacity,
  assertChildrenInside,
  assertEditableAfterCancellation,
  assertInsideParent,
  assertSpan,
  CALENDAR_FIELDS,
  changesCalendar,
  normaliseTitle,
} from './event-rules';

const at = (iso: string) => new Date(iso);
const cityDay = {
  title: 'Städtetag Arnsberg–Sundern',
  startsAt: at('2022-09-14T07:00:00Z'),
  endsAt: at('2022-09-14T16:00:00Z'),
};

function failure(action: () => void): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a domain error');
}

describe('event rules', () => {
  describe(assertSpan.name, () => {
    it('should refuse an end before the start, naming endsAt', () => {
      const error = failure(() =>
        assertSpan({ startsAt: at('2023-09-20T10:00:00Z'), endsAt: at('2023-09-20T09:59:59Z') }),
      );
      expect(error).toMatchObject({ kind: 'invalid', problems: [{ field: 'endsAt' }] });
    });

    it('should accept an event that ends when it starts (a deadline or a signing moment)', () => {
      expect(() =>
        assertSpan({ startsAt: at('2023-09-20T10:00:00Z'), endsAt: at('2023-09-20T10:00:00Z') }),
      ).not.toThrow();
    });
  });

  describe(assertInsideParent.name, () => {
    it('should accept a workshop inside the city day, also touching its edges', () => {
      expect(() => assertInsideParent(cityDay, cityDay)).not.toThrow();
      expect(() =>
        assertInsideParent(
          { startsAt: at('2022-09-14T08:00:00Z'), endsAt: at('2022-09-14T09:30:00Z') },
          cityDay,
        ),
      ).not.toThrow();
    });

    it.each([
      ['starts before the parent', '2022-09-14T06:59:00Z', '2022-09-14T08:00:00Z'],
      ['ends after the parent', '2022-09-14T15:00:00Z', '2022-09-14T16:01:00Z'],
      ['lies on another day', '2022-09-15T08:00:00Z', '2022-09-15T09:00:00Z'],
    ])('should refuse a part that %s and name the parent', (_, startsAt, endsAt) => {
      const error = failure(() =>
        assertInsideParent({ startsAt: at(startsAt), endsAt: at(endsAt) }, cityDay),
      );
      expect(error.kind).toBe('invalid');
      expect(error.message).toContain('Städtetag Arnsberg–Sundern');
    });
  });

  describe(assertChildrenInside.name, () => {
    const workshops = [
      { title: 'Workshop Umwelt', startsAt: at('2022-09-14T08:00:00Z'), endsAt: at('2022-09-14T10:00:00Z') },
      {
        title: 'Workshop Digitales',
        startsAt: at('2022-09-14T13:00:00Z'),
        endsAt: at('2022-09-14T15:00:00Z'),
      },
    ];

    it('should accept a new span that still holds every part', () => {
      expect(() => assertChildrenInside(cityDay, workshops)).not.toThrow();
    });

    it('should refuse a shortened span and list the parts it would leave outside', () => {
      const error = failure(() =>
        assertChildrenInside(
          { startsAt: at('2022-09-14T07:00:00Z'), endsAt: at('2022-09-14T12:00:00Z') },
          workshops,
        ),
      );
      expect(error.kind).toBe('invalid');
      expect(error.message).toContain('"Workshop Digitales"');
      expect(error.message).not.toContain('"Workshop Umwelt"');
    });
  });

  describe(normaliseTitle.name, () => {
    it('should keep a title without the spaces around it', () => {
      expect(normaliseTitle('  Workshop Digitalisierung\t')).toBe('Workshop Digitalisierung');
    });

    it.each(['', ' ', '\t \u00a0', '\u3000\u2003'])(
      'should refuse the blank title %p, naming title',
      (title) => {
        expect(failure(() => normaliseTitle(title))).toMatchObject({
          kind: 'invalid',
          problems: [{ field: 'title', message: 'The title must not be blank.' }],
        });
      },
    );
  });

  describe(assertCapacity.name, () => {
    it.each([null, undefined, 0, 1, 250])('should accept %p', (capacity) => {
      expect(() => assertCapacity(capacity)).not.toThrow();
    });

    it.each([-1, 1.5, Number.NaN])('should refuse %p, naming capacity', (capacity) => {
      expect(failure(() => assertCapacity(capacity))).toMatchObject({
        kind: 'invalid',
        problems: [{ field: 'capacity' }],
      });
    });
  });

  describe(assertEditableAfterCancellation.name, () => {
    it('should let any change through while the event is not cancelled', () => {
      expect(() =>
        assertEditableAfterCancellation('published', ['title', 'startsAt'], undefined),
      ).not.toThrow();
      expect(() => assertEditableAfterCancellation('draft', ['status'], 'cancelled')).not.toThrow();
    });

    it.each(['published', 'draft'] as const)('should let a cancelled event be set back to %s', (status) => {
      expect(() => assertEditableAfterCancellation('cancelled', ['status'], status)).not.toThrow();
    });

    it.each([
      ['a new title', ['title'], undefined],
      ['a new title together with un-cancelling', ['status', 'title'], 'published'],
      ['cancelling it again', ['status'], 'cancelled'],
    ] as const)('should refuse %s with a conflict', (_, fields, status) => {
      expect(failure(() => assertEditableAfterCancellation('cancelled', [...fields], status))).toMatchObject({
        kind: 'conflict',
        code: 'event_cancelled',
      });
    });
  });

  describe(changesCalendar.name, () => {
    it.each([
      'title',
      'startsAt',
      'endsAt',
      'startZone',
      'endZone',
      'allDay',
      'venueName',
      'venueAddress',
      'onlineUrl',
      'status',
    ])('should raise the sequence when %s changes', (field) => {
      expect(changesCalendar([field])).toBe(true);
    });

    it.each(['description', 'tags', 'capacity', 'visibility', 'kind', 'partnershipId'])(
      'should keep the sequence when only %s changes',
      (field) => {
        expect(changesCalendar([field])).toBe(false);
      },
    );

    it('should raise the sequence when a calendar field is among other changes', () => {
      expect(changesCalendar(['description', 'tags', 'venueLatitude'])).toBe(true);
      expect(CALENDAR_FIELDS).toContain('venueLongitude');
    });
  });
});
