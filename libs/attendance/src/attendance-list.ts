import { printPdf } from '@app/documents';
import { formatInstant, formatSpan, messagesFor } from '@app/presentation';
import { AttendanceSheet } from './attendance.service';

/**
 * The printed attendance list: event, date and local time at the venue above a table of the
 * names (sorted), their organisation and an empty column to sign in, for funders who want
 * signatures. In the reader's language; "printed at" in the reader's zone.
 */
export function printAttendanceList(
  sheet: AttendanceSheet,
  reader: { language: string; timeZone: string },
  now = new Date(),
): Promise<Buffer> {
  const { t, intlLocale } = messagesFor(reader.language);
  const { event } = sheet;
  const header = [
    { text: t('console.checkIn.name'), bold: true },
    { text: t('console.checkIn.organisation'), bold: true },
    { text: t('console.checkIn.signature'), bold: true },
  ];
  // Room to sign: each row is as tall as a handwritten signature needs.
  const padded: [number, number, number, number] = [0, 8, 0, 8];
  const rows = sheet.entries.map((entry) => [
    { text: entry.name, margin: padded },
    { text: entry.organisationName ?? '', margin: padded },
    { text: '', margin: padded },
  ]);
  return printPdf({
    info: { title: `${t('console.checkIn.listTitle')}: ${event.title}` },
    pageMargins: [40, 40, 40, 50],
    footer: (page: number, pages: number) => ({
      text: `${t('console.checkIn.printedAt', { time: formatInstant(now, intlLocale, reader.timeZone) })} · ${page}/${pages}`,
      fontSize: 8,
      margin: [40, 20, 40, 0],
    }),
    content: [
      { text: t('console.checkIn.listTitle'), fontSize: 11, color: '#555555' },
      { text: event.title, fontSize: 18, bold: true, margin: [0, 2, 0, 4] },
      { text: `${t('console.checkIn.localTime')}: ${formatSpan(event, intlLocale)}`, margin: [0, 0, 0, 2] },
      {
        text: t('console.checkIn.listExpected', { count: sheet.expected }),
        margin: [0, 0, 0, 12],
      },
      {
        table: { headerRows: 1, widths: ['*', '*', 170], dontBreakRows: true, body: [header, ...rows] },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => '#888888',
          vLineColor: () => '#888888',
        },
      },
    ],
  });
}
