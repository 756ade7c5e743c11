import { parse } from 'csv-parse/sync';
import { isEmail } from 'class-validator';
import { isValidTimeZone } from '../events/event-time';
import { Locale, LOCALES } from '../shared/locale';
import { PlanningError } from '../shared/planning.error';

/** What an import reads of a person; the file's header names the columns in German or English. */
export const IMPORT_COLUMNS = ['name', 'email', 'language', 'timeZone', 'department'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;

/** Why a whole file is refused: nothing of it is read. */
export type ImportFileProblem = 'not_text' | 'too_large' | 'too_many_rows' | 'no_header' | 'unreadable';

/** What is wrong with a value (a row's, or a form field's). */
export type PersonFieldProblem =
  | 'missing'
  | 'too_long'
  | 'invalid_email'
  | 'unknown_language'
  | 'unknown_zone'
  | 'duplicate_email'
  | 'other_organisation';

export interface PersonFieldError {
  column: ImportColumn;
  problem: PersonFieldProblem;
}

/** One row of the file as read: values trimmed, empty cells as null, and what is wrong with them. */
export interface CsvPerson {
  /** The line of the file the row starts on, counting the header as 1. */
  line: number;
  name: string;
  email: string;
  locale: Locale | null;
  timeZone: string | null;
  department: string | null;
  /** The language as written, for showing a row whose language is unknown. */
  language: string;
  errors: PersonFieldError[];
}

export interface PeopleCsv {
  /** The columns the header named; the others are ignored. */
  columns: ImportColumn[];
  rows: CsvPerson[];
}

/** Header names, compared without case, spaces, hyphens and underscores. */
const HEADER_NAMES: Record<ImportColumn, string[]> = {
  name: ['name', 'fullname', 'vollständigername', 'nameundvorname', 'jina'],
  email: ['email', 'emailaddress', 'emailadresse', 'mail', 'baruapepe'],
  language: ['language', 'sprache', 'locale', 'lugha'],
  timeZone: ['timezone', 'zone', 'zeitzone'],
  department: ['department', 'abteilung', 'function', 'funktion', 'role', 'rolle', 'fachbereich', 'idara'],
};

/** Languages by code and by name, in the languages of the catalogs. */
const LANGUAGE_NAMES: Record<string, Locale> = {
  deutsch: 'de',
  german: 'de',
  kijerumani: 'de',
  english: 'en',
  englisch: 'en',
  kiingereza: 'en',
  swahili: 'sw',
  kiswahili: 'sw',
  suaheli: 'sw',
};

const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;
/** NUL and the other C0 controls but tab and line breaks, and DEL: no text file holds them. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function fileProblem(problem: ImportFileProblem, message: string): PlanningError {
  return new PlanningError('invalid', 'import_file_invalid', message, [{ field: 'file', message }], {
    problem,
  });
}

/** The file problem a PlanningError of an import names, for pages that say it in their language. */
export function importFileProblemOf(error: unknown): ImportFileProblem | null {
  if (!(error instanceof PlanningError) || error.code !== 'import_file_invalid') return null;
  return (error.details as { problem: ImportFileProblem }).problem;
}

/**
 * Reads a CSV file of people as spreadsheets export it: UTF-8 with or without a byte order mark,
 * separated by commas or semicolons (what the header row uses), one header row naming the columns.
 * Refuses the whole file when it is no text, too large, or has no header with name and email.
 */
export function readPeopleCsv(file: Buffer): PeopleCsv {
  if (file.length > MAX_IMPORT_BYTES) {
    throw fileProblem('too_large', `The file is larger than ${MAX_IMPORT_BYTES} bytes.`);
  }
  const text = decodeText(file);
  const headerLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, csv-parse returns each record with its position; its types know only arrays.
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fileProblem('unreadable', `The file is not readable as CSV: ${reason}`);
  }
  const [header, ...data] = records;
  const columns = header ? columnsOf(header.record) : new Map<ImportColumn, number>();
  if (!columns.has('name') || !columns.has('email')) {
    throw fileProblem(
      'no_header',
      'The first row must name the columns, at least name and email, separated by commas or semicolons.',
    );
  }
  if (data.length > MAX_IMPORT_ROWS) {
    throw fileProblem('too_many_rows', `The file has more than ${MAX_IMPORT_ROWS} rows.`);
  }
  const rows = data.map(({ record, info }) => readRow(record, info.lines, columns));
  markDuplicates(rows);
  return { columns: [...columns.keys()], rows };
}

function decodeText(file: Buffer): string {
  let text: string;
  try {
    // fatal: bytes that are not UTF-8 (a binary file, a Latin-1 export) refuse the file.
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw fileProblem('not_text', 'The file is not a text file in UTF-8.');
  }
  if (CONTROL_CHARACTER.test(text)) throw fileProblem('not_text', 'The file is not a text file.');
  return text;
}

function count(line: string, character: string): number {
  return line.split(character).length - 1;
}

function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

function columnsOf(header: string[]): Map<ImportColumn, number> {
  const columns = new Map<ImportColumn, number>();
  header.forEach((name, index) => {
    const column = IMPORT_COLUMNS.find((candidate) =>
      HEADER_NAMES[candidate].includes(normaliseHeader(name)),
    );
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns;
}

function readRow(record: string[], line: number, columns: Map<ImportColumn, number>): CsvPerson {
  const value = (column: ImportColumn): string => {
    const index = columns.get(column);
    return index === undefined ? '' : (record[index] ?? '').trim();
  };
  const language = value('language');
  const timeZone = value('timeZone');
  const department = value('department');
  const fields = { name: value('name'), email: value('email'), language, timeZone, department };
  return {
    line,
    name: fields.name,
    email: fields.email,
    locale: localeOf(language),
    timeZone: timeZone || null,
    department: department || null,
    language,
    errors: personFieldErrors(fields),
  };
}

/** A language by code ("de", "DE", "de-AT") or name ("Deutsch", "English"); null if empty or unknown. */
export function localeOf(language: string): Locale | null {
  const written = language.trim().toLowerCase();
  if (!written) return null;
  const code = written.split(/[-_]/)[0];
  if ((LOCALES as readonly string[]).includes(code)) return code as Locale;
  return LANGUAGE_NAMES[written] ?? null;
}

/**
 * What is wrong with a person's values, as an import row or the console's form gives them: a
 * name and a valid email are required; language and zone, when given, must be known; name and
 * department fit their columns.
 */
export function personFieldErrors(fields: {
  name: string;
  email: string;
  language: string;
  timeZone: string;
  department: string;
}): PersonFieldError[] {
  const errors: PersonFieldError[] = [];
  const name = fields.name.trim();
  const email = fields.email.trim();
  if (!name) errors.push({ column: 'name', problem: 'missing' });
  else if (name.length > MAX_NAME_LENGTH || /[\r\n]/.test(name))
    errors.push({ column: 'name', problem: 'too_long' });
  if (!email) errors.push({ column: 'email', problem: 'missing' });
  else if (email.length > MAX_EMAIL_LENGTH || !isEmail(email))
    errors.push({ column: 'email', problem: 'invalid_email' });
  if (fields.language.trim() && !localeOf(fields.language))
    errors.push({ column: 'language', problem: 'unknown_language' });
  if (fields.timeZone.trim() && !isValidTimeZone(fields.timeZone.trim()))
    errors.push({ column: 'timeZone', problem: 'unknown_zone' });
  if (fields.department.trim().length > MAX_NAME_LENGTH)
    errors.push({ column: 'department', problem: 'too_long' });
  return errors;
}

/** Every row after the first with the same address (in any capitals) is an error. */
function markDuplicates(rows: CsvPerson[]): void {
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.errors.some((error) => error.column === 'email')) continue;
    const email = row.email.toLowerCase();
    if (seen.has(email)) row.errors.push({ column: 'email', problem: 'duplicate_email' });
    seen.add(email);
  }
}
