export const EVENT_KINDS = [
  'city_day',
  'workshop',
  'conference',
  'session',
  'virtual_meeting',
  'delegation_visit',
  'exchange_trip',
  'travel_leg',
  'site_visit',
  'accommodation',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_VISIBILITIES = ['public', 'internal'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];
