/** The page of a public event in the public calendar; also written into feeds by the render thread. */
export function eventPageUrl(publicBaseUrl: string, eventId: string): string {
  return `${publicBaseUrl}/calendar/events/${eventId}`;
}
