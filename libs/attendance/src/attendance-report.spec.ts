import { parse } from 'csv-parse/sync';
import { Event } from '@app/planning';
import { attendanceCsv } from './attendance-report';
import { AttendanceReportRow } from './attendance.service';

const event = {
  id: 'e1',
  title: 'Delegationsbesuch; Morogoro',
  startsAt: new Date('2027-05-11T22:30:00Z'),
  startZone: 'Europe/Berlin',
} as Event;

function row(name: string, checkedInAt: Date | null): AttendanceReportRow {
  return {
    event,
    entry: {
      invitationId: name,
      personId: name,
      name,
      organisationId: null,
      organisationName: 'Morogoro Municipal Council',
      checkedInAt,
    },
  };
}

describe(attendanceCsv.name, () => {
  it('should write what Excel opens in German settings: BOM, semicolons, dates at the venue', () => {
    const csv = attendanceCsv(
      [row('Asha "Mama" Mwakyusa', new Date('2027-05-12T07:05:00Z')), row('Jonas', null)],
      'de',
    );
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(rows).toEqual([
      ['Name', 'Organisation', 'Veranstaltung', 'Datum', 'Anwesend', 'Eingecheckt um'],
      [
        'Asha "Mama" Mwakyusa',
        'Morogoro Municipal Council',
        'Delegationsbesuch; Morogoro',
        '2027-05-12',
        'ja',
        '2027-05-12 09:05',
      ],
      ['Jonas', 'Morogoro Municipal Council', 'Delegationsbesuch; Morogoro', '2027-05-12', 'nein', ''],
    ]);
  });

  it('should never let Excel run a name as a formula', () => {
    const rows: string[][] = parse(attendanceCsv([row('=HYPERLINK("x")', null)], 'en'), {
      bom: true,
      delimiter: ';',
    });
    expect(rows[1][0]).toBe(`'=HYPERLINK("x")`);
  });
});
