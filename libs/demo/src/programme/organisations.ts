import { OrganisationRecord } from './programme.types';

export const OPERATOR: OrganisationRecord = {
  code: 'OPS',
  name: 'Treffpunkt operators',
  country: 'DE',
  timeZone: 'Europe/Berlin',
  defaultLocale: 'en',
};

export const ORGANISATIONS: OrganisationRecord[] = [
  { code: 'ARN', name: 'Stadt Arnsberg', country: 'DE', timeZone: 'Europe/Berlin', defaultLocale: 'de' },
  {
    code: 'SUN',
    name: 'Stadt Sundern (Sauerland)',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    defaultLocale: 'de',
  },
  {
    code: 'MORO',
    name: 'Morogoro Municipal Council',
    country: 'TZ',
    timeZone: 'Africa/Dar_es_Salaam',
    defaultLocale: 'sw',
  },
  { code: 'HAMM', name: 'Stadt Hamm', country: 'DE', timeZone: 'Europe/Berlin', defaultLocale: 'de' },
  {
    code: 'SKEW',
    name: 'Engagement Global – Servicestelle Kommunen in der Einen Welt (SKEW)',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    defaultLocale: 'de',
  },
  {
    code: 'WAR',
    name: 'City of Warren (Minnesota)',
    country: 'US',
    timeZone: 'America/Chicago',
    defaultLocale: 'en',
  },
  {
    code: 'ALBA',
    name: 'Municipiul Alba Iulia',
    country: 'RO',
    timeZone: 'Europe/Bucharest',
    defaultLocale: 'en',
  },
];
