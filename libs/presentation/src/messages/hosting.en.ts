/** A guest's itinerary and a host's schedule (libs/hosting), in English: the shape the other languages follow. */
export const hostingEn = {
  itinerary: {
    title: 'Your itinerary: {{visit}}',
    intro:
      'Each day of your visit: where to be, who meets you, and where you sleep. Times are local at each place.',
    day: 'Day {{number}}: {{date}}',
    nothingPlanned: 'Nothing planned.',
    sleep: 'Where you sleep',
    sleepHostFamily: 'With {{host}}',
    sleepRoom: '{{place}}, room {{room}}',
    sleepUnknown: 'Not settled yet.',
    sleepTravelling: 'Travelling.',
    cancelled: 'Cancelled',
    phone: 'Phone {{phone}}',
    print: 'Print as PDF',
    printed: 'Printed {{date}}',
    role: {
      host_family: 'Host family',
      guide: 'Guide',
      interpreter: 'Interpreter',
      driver: 'Driver',
    },
  },
  hostSchedule: {
    subject: 'Your schedule as host: {{visit}}',
    intro: 'thank you for hosting guests of {{visit}}. This is what you are planned for:',
    guest: 'Guest: {{name}}',
    night: 'Night of {{date}}',
    updated: 'If anything changes, you get a new schedule by email.',
  },
};
