import { eventChangeAction } from './event-audit';

describe(eventChangeAction.name, () => {
  const moved = [
    { field: 'startsAt', before: '2031-06-10T07:00:00.000Z', after: '2031-06-17T07:00:00.000Z' },
  ];
  const renamed = [{ field: 'title', before: 'Städtetag', after: 'Städtetag 2031' }];

  it('should call a change to cancelled a cancellation, whatever else changed with it', () => {
    expect(eventChangeAction('published', 'cancelled', [...moved, ...renamed])).toBe('event.cancelled');
    expect(eventChangeAction('draft', 'cancelled', [])).toBe('event.cancelled');
  });

  it('should call a change from cancelled to any other status an uncancellation', () => {
    expect(eventChangeAction('cancelled', 'draft', renamed)).toBe('event.uncancelled');
  });

  it('should call new times a move, and anything else an update', () => {
    expect(eventChangeAction('published', 'published', [...renamed, ...moved])).toBe('event.moved');
    expect(eventChangeAction('draft', 'published', renamed)).toBe('event.updated');
  });
});
