import { DateTime } from 'luxon';
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { PrintedDocument } from '@app/documents';
import { EventTree } from '@app/planning';
import { formatSpan, Language, Messages, messagesFor, zoneName } from '@app/presentation';
import { programmeText } from './programme-text';
import { roundsOf } from './rounds';

const TIME_COLUMN_WIDTH = 150;
const LABEL_COLUMN_WIDTH = 80;
const MUTED = '#555555';

/** Thin lines between rows only: a day's items read as one list. */
const ROWS_APART: CustomTableLayout = {
  hLineWidth: (line, node) => (line === 0 || line === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => '#bbbbbb',
  paddingLeft: (column) => (column === 0 ? 0 : 8),
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

/**
 * The printed programme of an event in one language: its title, when and where, then its parts
 * day by day in local time at the place, parallel parts (a round of workshops) together, and the
 * parts of each part beneath it. A flight shows each end in its own zone.
 */
export function programmeDocument(event: EventTree, language: Language, now: Date): PrintedDocument {
  const messages = messagesFor(language);
  const { t } = messages;
  const text = programmeText(event, language);
  const parts = event.children.filter((part) => part.status !== 'cancelled');
  const printed = DateTime.fromJSDate(now, { zone: event.startZone })
    .setLocale(messages.intlLocale)
    .toLocaleString(DateTime.DATETIME_MED);
  return {
    info: { title: text.title, creator: 'Treffpunkt' },
    language,
    pageMargins: [48, 48, 48, 56],
    content: [
      { text: text.title, style: 'title' },
      facts(event, messages),
      ...(text.description ? [{ text: text.description, margin: [0, 8, 0, 0] } as Content] : []),
      { text: t('exports.programme.heading'), style: 'heading' },
      parts.length === 0 ? { text: t('exports.programme.noParts'), color: MUTED } : days(parts, messages),
    ],
    footer: (page, pages) => ({
      columns: [
        { text: t('exports.programme.asOf', { date: printed }), color: MUTED },
        { text: t('exports.programme.page', { page, pages }), alignment: 'right', color: MUTED },
      ],
      fontSize: 8,
      margin: [48, 16, 48, 0],
    }),
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
      heading: { fontSize: 14, bold: true, margin: [0, 16, 0, 4] },
      day: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      parallel: { italics: true, color: MUTED },
    },
    defaultStyle: { fontSize: 10, lineHeight: 1.2 },
  };
}

function facts(event: EventTree, messages: Messages): Content {
  const { t } = messages;
  const text = programmeText(event, messages.language);
  const rows: TableCell[][] = [
    [{ text: t('common.when'), bold: true }, formatSpan(event, messages.intlLocale)],
  ];
  if (text.venue) rows.push([{ text: t('common.where'), bold: true }, text.venue]);
  if (event.onlineUrl) rows.push([{ text: t('common.online'), bold: true }, event.onlineUrl]);
  return { table: { widths: [LABEL_COLUMN_WIDTH, '*'], body: rows }, layout: 'noBorders' };
}

/** One heading per day (the day a part starts, at its place), then its rounds. */
function days(parts: EventTree[], messages: Messages): Content[] {
  const byDay = new Map<string, EventTree[]>();
  for (const part of parts) {
    const day = DateTime.fromJSDate(part.startsAt, { zone: part.startZone }).toISODate()!;
    byDay.set(day, [...(byDay.get(day) ?? []), part]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([day, dayParts]) => [
      {
        text: DateTime.fromISO(day).setLocale(messages.intlLocale).toLocaleString(DateTime.DATE_HUGE),
        style: 'day',
      },
      {
        table: {
          widths: [TIME_COLUMN_WIDTH, '*'],
          body: roundsOf(dayParts).flatMap((round) => roundRows(round, messages)),
        },
        layout: ROWS_APART,
      },
    ]);
}

function roundRows(round: EventTree[], messages: Messages): TableCell[][] {
  const rows = round.map((part) => [{ text: timeOf(part, messages) }, partCell(part, messages)]);
  if (round.length === 1) return rows;
  const parallel = {
    text: messages.t('exports.programme.parallel', { count: round.length }),
    style: 'parallel',
  };
  return [[{ text: '' }, parallel], ...rows];
}

function partCell(part: EventTree, messages: Messages): TableCell {
  const text = programmeText(part, messages.language);
  const details = [messages.t(`calendar.kinds.${part.kind}`), text.venue].filter(Boolean).join(' · ');
  const children = part.children.filter((child) => child.status !== 'cancelled');
  return {
    stack: [
      { text: text.title, bold: true },
      { text: details, color: MUTED },
      ...children.map((child) => ({
        text: `${timeOf(child, messages)}  ${programmeText(child, messages.language).title}`,
        margin: [8, 2, 0, 0] as [number, number, number, number],
      })),
    ],
  };
}

/**
 * Local time at the place: "10:00–12:00"; a flight's ends each in their own zone,
 * "20:00 Berlin (CEST)", "– 06:30 Dar es Salaam (EAT)" on two lines; all-day parts say so.
 */
function timeOf(part: EventTree, messages: Messages): string {
  if (part.allDay) return messages.t('exports.programme.allDay');
  const start = DateTime.fromJSDate(part.startsAt, { zone: part.startZone });
  const end = DateTime.fromJSDate(part.endsAt, { zone: part.endZone });
  if (part.startZone === part.endZone) {
    const nextDay = start.hasSame(end, 'day')
      ? ''
      : ` (+${Math.round(end.startOf('day').diff(start.startOf('day'), 'days').days)})`;
    return `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}${nextDay}`;
  }
  const startName = zoneName(part.startZone, part.startsAt, messages.intlLocale);
  const endName = zoneName(part.endZone, part.endsAt, messages.intlLocale);
  return `${start.toFormat('HH:mm')} ${startName}\n– ${end.toFormat('HH:mm')} ${endName}`;
}
