import { VenueInput } from '@app/planning';

/** Zones and places several parts of the demo programme share. */
export const BERLIN = 'Europe/Berlin';
export const MOROGORO = 'Africa/Dar_es_Salaam';
export const BUCHAREST = 'Europe/Bucharest';

export const RATHAUS_ARNSBERG: VenueInput = {
  name: 'Rathaus Arnsberg',
  address: 'Rathausplatz 2, 59759 Arnsberg',
  latitude: 51.449611,
  longitude: 7.965278,
};

export const FRANKFURT_AIRPORT: VenueInput = {
  name: 'Flughafen Frankfurt (FRA)',
  address: '60547 Frankfurt am Main',
  latitude: 50.0379,
  longitude: 8.5622,
};

export const DAR_AIRPORT: VenueInput = {
  name: 'Julius Nyerere International Airport (DAR)',
  address: 'Dar es Salaam, Tanzania',
  latitude: -6.8781,
  longitude: 39.2026,
};

export const ALBA_IULIA_CITY_HALL: VenueInput = {
  name: 'Primăria Municipiului Alba Iulia',
  address: 'Calea Moților 5A, 510134 Alba Iulia, Romania',
  latitude: 46.0669,
  longitude: 23.5806,
};

export const DORTMUND_AIRPORT: VenueInput = {
  name: 'Flughafen Dortmund (DTM)',
  address: 'Flughafenring 2, 44319 Dortmund',
  latitude: 51.5183,
  longitude: 7.6122,
};
