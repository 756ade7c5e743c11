import { PassThrough } from 'node:stream';
import { stream } from 'exceljs';
import { DateTime } from 'luxon';
import { CellValue } from './participant-columns';
import { ParticipantTable } from './participant-table';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

/**
 * The table as an Excel workbook: the header row frozen with a filter on every column, columns as
 * wide as their content (within bounds), and dates as real dates, so that Excel sorts and filters
 * them as such.
 */
export async function participantsXlsx(table: ParticipantTable, sheetName: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  // The streaming writer zips rows as they come instead of keeping a model of every cell.
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Treffpunkt';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column, index) => ({
    header: column.header,
    width: widthOf(
      column.kind === 'date'
        ? [column.header, DATE_FORMAT]
        : [column.header, ...table.rows.map((row) => shownText(row[index]))],
    ),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const values of table.rows) {
    const row = sheet.addRow(
      values.map((value) => (value instanceof Date ? wallClock(value, table.zone) : value)),
    );
    // Per cell, not per column: the columns other libs add may hold dates too.
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/**
 * Excel's dates have no zone: a cell shows the date as written. Written as UTC with the event's
 * wall-clock time, it shows the local time at the event, as the header says.
 */
function wallClock(instant: Date, zone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

/** What a cell shows, for its column's width. */
function shownText(value: CellValue): string {
  return value instanceof Date ? DATE_FORMAT : (value ?? '');
}

function widthOf(texts: string[]): number {
  const longest = Math.max(...texts.map((text) => text.length));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** Excel refuses sheet names longer than 31 characters or with any of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Participants'
  );
}
