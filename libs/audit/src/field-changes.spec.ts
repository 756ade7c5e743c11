import { changedFields, initialFields, withoutValues } from './field-changes';

describe('Field changes', () => {
  it('should list only the fields whose value changed, with before and after', () => {
    expect(
      changedFields(
        { title: 'Städtetag', capacity: 40, status: 'draft' },
        { title: 'Städtetag', capacity: 60, status: 'published' },
      ),
    ).toEqual([
      { field: 'capacity', before: 40, after: 60 },
      { field: 'status', before: 'draft', after: 'published' },
    ]);
  });

  it('should compare dates and arrays by content and write dates as ISO 8601', () => {
    const start = new Date('2027-10-31T01:30:00Z');
    expect(
      changedFields({ startsAt: start, tags: ['a', 'b'] }, { startsAt: new Date(start), tags: ['a', 'b'] }),
    ).toEqual([]);
    expect(changedFields({ startsAt: start }, { startsAt: new Date('2027-11-01T01:30:00Z') })).toEqual([
      { field: 'startsAt', before: '2027-10-31T01:30:00.000Z', after: '2027-11-01T01:30:00.000Z' },
    ]);
  });

  it('should say that a personal field changed without keeping either value', () => {
    const changes = changedFields(
      { email: 'asha@morogoro.go.tz', locale: 'en' },
      { email: 'asha.m@morogoro.go.tz', locale: 'de' },
      ['email'],
    );
    expect(changes).toEqual([
      { field: 'email', personal: true },
      { field: 'locale', before: 'en', after: 'de' },
    ]);
    expect(JSON.stringify(changes)).not.toContain('morogoro');
  });

  it('should treat a field set from nothing as a change from null', () => {
    expect(
      initialFields({ name: 'Asha', timeZone: 'Africa/Dar_es_Salaam', department: null }, ['name']),
    ).toEqual([
      { field: 'name', personal: true },
      { field: 'timeZone', before: null, after: 'Africa/Dar_es_Salaam' },
    ]);
  });

  it('should keep which fields changed but no value when values are left out', () => {
    expect(
      withoutValues([
        { field: 'locale', before: 'en', after: 'de' },
        { field: 'name', personal: true },
      ]),
    ).toEqual([
      { field: 'locale', personal: true },
      { field: 'name', personal: true },
    ]);
  });
});
