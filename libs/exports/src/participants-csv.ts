import { DateTime } from 'luxon';
import { Language } from '@app/presentation';
import { CellValue } from './participant-columns';
import { ParticipantTable } from './participant-table';

/** Excel reads a UTF-8 file as UTF-8 only with the byte order mark; without it, "Müller" turns into mojibake. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The separator Excel expects from the reader's regional settings: German Excel splits lines at
 * semicolons (the comma is its decimal mark), British and Tanzanian Excel at commas.
 */
const SEPARATORS: Record<Language, string> = { de: ';', en: ',', sw: ',' };

/** What a spreadsheet would run as a formula (OWASP's list: =, +, -, @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The table as CSV (RFC 4180, CRLF, every field quoted), dates as local time in the table's zone. */
export function participantsCsv(table: ParticipantTable, language: Language): Buffer {
  const separator = SEPARATORS[language];
  const line = (cells: string[]) => cells.map(quoted).join(separator);
  const lines = [
    line(table.columns.map((column) => column.header)),
    ...table.rows.map((row) => line(row.map((value) => cellText(value, table.zone)))),
  ];
  return Buffer.from(BYTE_ORDER_MARK + lines.join('\r\n') + '\r\n', 'utf8');
}

function cellText(value: CellValue, zone: string): string {
  if (value === null) return '';
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone }).toFormat('yyyy-MM-dd HH:mm');
  // A leading apostrophe makes Excel and LibreOffice show the value as text instead of running it.
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
