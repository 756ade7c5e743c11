import { describeWhen, formatSpan, machineReadableStart, startDate, TimeSpan } from './event-times';
import { zoneName } from './zone-name';

const visit: TimeSpan = {
  startsAt: new Date('2023-09-23T07:00:00Z'),
  startZone: 'Europe/Berlin',
  endsAt: new Date('2023-09-23T15:00:00Z'),
  endZone: 'Europe/Berlin',
  allDay: false,
};

describe(zoneName.name, () => {
  it('should name zones by their city and the abbreviation people know', () => {
    const summer = new Date('2023-09-23T07:00:00Z');
    const winter = new Date('2024-02-10T07:00:00Z');
    expect(zoneName('Africa/Dar_es_Salaam', summer, 'sw-TZ')).toBe('Dar es Salaam (EAT)');
    expect(zoneName('Africa/Dar_es_Salaam', summer, 'de-DE')).toBe('Dar es Salaam (EAT)');
    expect(zoneName('Europe/Berlin', summer, 'en-GB')).toBe('Berlin (CEST)');
    expect(zoneName('Europe/Berlin', winter, 'de-DE')).toBe('Berlin (MEZ/CET)');
    expect(zoneName('America/Chicago', summer, 'de-DE')).toBe('Chicago (CDT)');
    expect(zoneName('UTC', summer, 'en-GB')).toBe('UTC');
    expect(zoneName('Etc/GMT-3', summer, 'en-GB')).toBe('UTC+3');
  });
});

describe(describeWhen.name, () => {
  it('should show the time in the reader’s zone and the local time at the venue', () => {
    expect(describeWhen(visit, 'en-GB', 'Africa/Dar_es_Salaam')).toEqual([
      {
        label: 'common.whenYourTime',
        text: 'Saturday, 23 September 2023, 10:00 – 18:00 Dar es Salaam (EAT)',
      },
      { label: 'common.whenVenueTime', text: 'Saturday, 23 September 2023, 09:00 – 17:00 Berlin (CEST)' },
    ]);
  });

  it('should say it once for readers at the venue', () => {
    expect(describeWhen(visit, 'de-DE', 'Europe/Berlin')).toEqual([
      { label: 'common.when', text: 'Samstag, 23. September 2023, 09:00 – 17:00 Berlin (MESZ/CEST)' },
    ]);
  });

  it('should show all-day events as dates, the same for every reader', () => {
    const days = {
      ...visit,
      allDay: true,
      startsAt: new Date('2023-09-22T22:00:00Z'),
      endsAt: new Date('2023-09-27T22:00:00Z'),
    };
    expect(describeWhen(days, 'en-GB', 'America/Chicago')).toEqual([
      { label: 'common.when', text: 'Saturday, 23 September 2023 – Wednesday, 27 September 2023' },
    ]);
    expect(machineReadableStart(days)).toBe('2023-09-23');
  });
});

describe(formatSpan.name, () => {
  it('should show each end of a flight in its own zone', () => {
    const flight: TimeSpan = {
      startsAt: new Date('2024-02-09T19:00:00Z'),
      startZone: 'Europe/Berlin',
      endsAt: new Date('2024-02-10T05:30:00Z'),
      endZone: 'Africa/Dar_es_Salaam',
      allDay: false,
    };
    expect(formatSpan(flight, 'en-GB')).toBe(
      'Friday, 9 February 2024, 20:00 Berlin (CET) – Saturday, 10 February 2024, 08:30 Dar es Salaam (EAT)',
    );
    expect(formatSpan(flight, 'sw-TZ', 'Africa/Dar_es_Salaam')).toMatch(
      /^Ijumaa, 9 Februari 2024, 22:00 – Jumamosi, 10 Februari 2024, 08:30 Dar es Salaam \(EAT\)$/,
    );
  });

  it('should date subjects in the reader’s zone', () => {
    const late = {
      ...visit,
      startsAt: new Date('2023-09-23T22:30:00Z'),
      endsAt: new Date('2023-09-23T23:30:00Z'),
    };
    expect(startDate(late, 'en-GB', 'Europe/Berlin')).toBe('24 September 2023');
    expect(startDate(late, 'en-GB', 'America/Chicago')).toBe('23 September 2023');
  });
});
