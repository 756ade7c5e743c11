import { printPdf, PrintedDocument } from '@app/documents';
import { messagesFor } from '@app/presentation';
import { Itinerary } from './itinerary';
import { RoomingNight } from './rooming-list';

type Content = PrintedDocument['content'];

const STYLES: PrintedDocument['styles'] = {
  title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
  day: { fontSize: 14, bold: true, margin: [0, 8, 0, 8] },
  times: { bold: true },
  muted: { color: '#555555' },
  sleepHeading: { bold: true, margin: [0, 12, 0, 2] },
};

/** A guest's itinerary, one page per day, to print and carry. */
export function printItinerary(itinerary: Itinerary): Promise<Buffer> {
  const { t } = messagesFor(itinerary.language);
  const pages: Content = itinerary.days.map((day, index) => {
    const items: Content = day.items.length
      ? day.items.map((item) => ({
          margin: [0, 0, 0, 8],
          stack: [
            { text: item.times, style: 'times' },
            { text: item.cancelled ? `${item.title} (${t('itinerary.cancelled')})` : item.title },
            ...(item.place ? [{ text: item.place, style: 'muted' }] : []),
            ...item.people.map((line) => ({ text: line })),
          ],
        }))
      : [{ text: t('itinerary.nothingPlanned'), style: 'muted' }];
    return {
      ...(index > 0 ? { pageBreak: 'before' as const } : {}),
      stack: [
        { text: itinerary.title, style: 'title' },
        { text: itinerary.guestName, style: 'muted' },
        { text: day.heading, style: 'day' },
        ...items,
        ...(day.sleep ? [{ text: t('itinerary.sleep'), style: 'sleepHeading' }, { text: day.sleep }] : []),
      ],
    };
  });
  return printPdf({
    info: { title: itinerary.title },
    content: pages,
    styles: STYLES,
    defaultStyle: { fontSize: 11 },
  });
}

/** The rooming list of a visit: each night with its rooms and who sleeps in them. */
export function printRoomingList(title: string, locale: string, nights: RoomingNight[]): Promise<Buffer> {
  const { t } = messagesFor(locale);
  const content: Content = [
    { text: title, style: 'title' },
    ...nights.map((night) => ({
      stack: [
        { text: night.heading, style: 'day' },
        {
          table: {
            headerRows: 1,
            widths: ['auto', '*', '*'],
            body: [
              [
                { text: t('console.hosting.room'), bold: true },
                { text: t('console.hosting.roomGuests'), bold: true },
                { text: t('console.hosting.accommodation'), bold: true },
              ],
              ...night.rooms.map((room) => [room.room, room.guests.join(', '), room.accommodation]),
            ],
          },
        },
      ],
    })),
  ];
  return printPdf({ info: { title }, content, styles: STYLES, defaultStyle: { fontSize: 11 } });
}
