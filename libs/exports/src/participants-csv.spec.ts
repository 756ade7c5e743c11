import { parse } from 'csv-parse/sync';
import { participantsCsv } from './participants-csv';
import { ParticipantTable } from './participant-table';

const table = (values: Array<string | Date | null>): ParticipantTable => ({
  columns: values.map((_, index) => ({ header: `Spalte ${index + 1}`, kind: 'text' })),
  rows: [values],
  zone: 'Africa/Dar_es_Salaam',
});

describe(participantsCsv.name, () => {
  it('should defuse every value a spreadsheet would run as a formula', () => {
    const risky = ['=1+1', '+49 2932 201', '-2', '@SUM(A1)', '\tTab', '\rReturn'];
    const [, row]: string[][] = parse(participantsCsv(table(risky), 'en'), { bom: true });
    expect(row).toEqual(risky.map((value) => `'${value}`));
  });

  it('should keep quotes, separators and line breaks inside a field, and leave harmless text alone', () => {
    const values = ['Müller; "Hans"', 'Zeile 1\nZeile 2', 'a,b', null];
    const csv = participantsCsv(table(values), 'de');
    const [header, row]: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(header).toEqual(['Spalte 1', 'Spalte 2', 'Spalte 3', 'Spalte 4']);
    expect(row).toEqual(['Müller; "Hans"', 'Zeile 1\nZeile 2', 'a,b', '']);
  });

  it('should write instants as local time in the table’s zone', () => {
    const [, row]: string[][] = parse(participantsCsv(table([new Date('2031-09-21T03:30:00Z')]), 'sw'), {
      bom: true,
    });
    expect(row).toEqual(['2031-09-21 06:30']);
  });
});
