import { importFileProblemOf, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readPeopleCsv } from './people-csv';

function csv(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

function fileProblem(file: Buffer): string | null {
  try {
    readPeopleCsv(file);
    return null;
  } catch (error) {
    return importFileProblemOf(error);
  }
}

describe('readPeopleCsv', () => {
  it('should read a comma-separated file with English headers', () => {
    const read = readPeopleCsv(
      csv(
        'name,email,language,time zone,department\nAmani Mwakyusa,amani@morogoro.example,sw,Africa/Dar_es_Salaam,Planning\n',
      ),
    );
    expect(read.columns).toEqual(['name', 'email', 'language', 'timeZone', 'department']);
    expect(read.rows).toEqual([
      {
        line: 2,
        name: 'Amani Mwakyusa',
        email: 'amani@morogoro.example',
        locale: 'sw',
        timeZone: 'Africa/Dar_es_Salaam',
        department: 'Planning',
        language: 'sw',
        errors: [],
      },
    ]);
  });

  it('should read an Excel export: semicolons, a byte order mark, German headers and CRLF', () => {
    const text =
      '\uFEFFName;E-Mail-Adresse;Sprache;Zeitzone;Abteilung\r\nMüller, Hans;hans@arnsberg.example;Deutsch;Europe/Berlin;Umwelt\r\n';
    const read = readPeopleCsv(csv(text));
    expect(read.rows[0]).toMatchObject({
      name: 'Müller, Hans',
      email: 'hans@arnsberg.example',
      locale: 'de',
      timeZone: 'Europe/Berlin',
      department: 'Umwelt',
      errors: [],
    });
  });

  it('should take quoted values, skip empty lines and leave out empty optional cells', () => {
    const read = readPeopleCsv(csv('"E-Mail","Name"\n\n"eva@arnsberg.example","Eva ""Evi"" Sommer"\n'));
    expect(read.columns).toEqual(['email', 'name']);
    expect(read.rows[0]).toMatchObject({
      line: 3,
      name: 'Eva "Evi" Sommer',
      locale: null,
      timeZone: null,
      department: null,
      errors: [],
    });
  });

  it.each([
    ['a missing name', ',nobody@x.example,,', [{ column: 'name', problem: 'missing' }]],
    ['an invalid email', 'Eva,eva-at-arnsberg,,', [{ column: 'email', problem: 'invalid_email' }]],
    ['a missing email', 'Eva,,,', [{ column: 'email', problem: 'missing' }]],
    [
      'an unknown language',
      'Eva,eva@x.example,Klingon,',
      [{ column: 'language', problem: 'unknown_language' }],
    ],
    [
      'an unknown zone',
      'Eva,eva@x.example,,Europe/Arnsberg',
      [{ column: 'timeZone', problem: 'unknown_zone' }],
    ],
    [
      'a fixed offset for a zone',
      'Eva,eva@x.example,,UTC+2',
      [{ column: 'timeZone', problem: 'unknown_zone' }],
    ],
  ])('should name the column of %s', (_, row, errors) => {
    const read = readPeopleCsv(csv(`name,email,language,timezone\n${row}\n`));
    expect(read.rows[0].errors).toEqual(errors);
  });

  it('should mark every later row with an address seen before, in any capitals, as a duplicate', () => {
    const read = readPeopleCsv(
      csv('name,email\nEva,eva@x.example\nEva S.,EVA@x.example\nEva T.,eva@x.example\n'),
    );
    expect(read.rows.map((row) => row.errors)).toEqual([
      [],
      [{ column: 'email', problem: 'duplicate_email' }],
      [{ column: 'email', problem: 'duplicate_email' }],
    ]);
  });

  it('should know languages by code, regional code and name', () => {
    const read = readPeopleCsv(
      csv('name;email;language\nA;a@x.example;EN\nB;b@x.example;de-AT\nC;c@x.example;Kiswahili\n'),
    );
    expect(read.rows.map((row) => row.locale)).toEqual(['en', 'de', 'sw']);
  });

  it.each([
    ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]), 'not_text'],
    ['Latin-1 text', Buffer.from('name;email\nM\xfcller;m@x.example\n', 'latin1'), 'not_text'],
    ['a file without a header', csv('Eva,eva@x.example\n'), 'no_header'],
    ['an empty file', csv(''), 'no_header'],
    ['tabs for separators', csv('name\temail\nEva\teva@x.example\n'), 'no_header'],
    ['an unclosed quote', csv('name,email\n"Eva,eva@x.example\n'), 'unreadable'],
    ['a file over the size limit', Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'), 'too_large'],
    [
      'more rows than the limit',
      csv(`name,email\n${'A,a@x.example\n'.repeat(MAX_IMPORT_ROWS + 1)}`),
      'too_many_rows',
    ],
  ])('should refuse %s as a whole', (_, file, problem) => {
    expect(fileProblem(file)).toBe(problem);
  });
});
