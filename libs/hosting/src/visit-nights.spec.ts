import { daysOf, nightsOf } from './visit-nights';

describe('visit nights', () => {
  const stay = {
    startsAt: new Date('2027-10-27T22:00:00Z'),
    startZone: 'Europe/Berlin',
    // All day 28 October to 1 November: stored until the midnight after the last day, in winter time.
    endsAt: new Date('2027-11-01T23:00:00Z'),
    endZone: 'Europe/Berlin',
    allDay: true,
  };

  it('should count the nights of an all-day stay by their evenings, across the end of summer time', () => {
    expect(nightsOf(stay)).toEqual(['2027-10-28', '2027-10-29', '2027-10-30', '2027-10-31']);
    expect(daysOf(stay)).toEqual(['2027-10-28', '2027-10-29', '2027-10-30', '2027-10-31', '2027-11-01']);
  });

  it('should name the days of a flight by the zone it leaves from', () => {
    const flight = {
      startsAt: new Date('2027-10-27T13:40:00Z'),
      startZone: 'Africa/Dar_es_Salaam',
      endsAt: new Date('2027-10-28T04:15:00Z'),
      endZone: 'Europe/Berlin',
      allDay: false,
    };
    expect(daysOf(flight)).toEqual(['2027-10-27', '2027-10-28']);
    expect(nightsOf(flight)).toEqual(['2027-10-27']);
  });
});
