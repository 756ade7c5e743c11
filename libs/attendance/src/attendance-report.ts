import { DateTime } from 'luxon';
import { messagesFor } from '@app/presentation';
import { AttendanceReportRow } from './attendance.service';

/**
 * `;` rather than `,`: the report goes to funders who open it in Excel, which in German (and
 * most European) settings splits only on `;`, since `,` is their decimal separator. The BOM makes
 * Excel read UTF-8 (Müller, Dar es Salaam's names) instead of the local code page.
 */
export const ATTENDANCE_CSV_SEPARATOR = ';';
const BOM = '\ufeff';

/**
 * The attendance report as CSV: person, organisation, event, date (at the venue), present
 * (yes/no) and when they were checked in (local time at the venue), one line per person and
 * event, in the reader's language.
 */
export function attendanceCsv(rows: AttendanceReportRow[], language: string): string {
  const { t } = messagesFor(language);
  const lines = [
    [
      t('console.checkIn.name'),
      t('console.checkIn.organisation'),
      t('console.checkIn.event'),
      t('console.checkIn.date'),
      t('console.checkIn.present'),
      t('console.checkIn.checkedInColumn'),
    ],
    ...rows.map(({ event, entry }) => [
      entry.name,
      entry.organisationName ?? '',
      event.title,
      DateTime.fromJSDate(event.startsAt, { zone: event.startZone }).toISODate() ?? '',
      t(entry.checkedInAt ? 'console.checkIn.yes' : 'console.checkIn.no'),
      entry.checkedInAt
        ? DateTime.fromJSDate(entry.checkedInAt, { zone: event.startZone }).toFormat('yyyy-MM-dd HH:mm')
        : '',
    ]),
  ];
  return BOM + lines.map((line) => line.map(cell).join(ATTENDANCE_CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/**
 * Quoted when it must be; a name starting with = + - @ gets a leading apostrophe, so that Excel
 * shows it as text instead of running it as a formula.
 */
function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n,]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
