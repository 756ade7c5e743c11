import { INVITATIONS_2027, PERSONAL_FEEDS } from './invitations-2027';
import { MOROGORO_PARTNERSHIP_EVENTS } from './morogoro-partnership';
import { DELEGATION_VISIT_2027_HOSTING, MOROGORO_PARTNERSHIP_2027_EVENTS } from './morogoro-partnership-2027';
import { OPERATOR, ORGANISATIONS } from './organisations';
import { ALBA_IULIA_EVENTS, WARREN_EVENTS } from './partner-networks';
import { PARTNER_NETWORKS_2027_EVENTS } from './partner-networks-2027';
import { PARTNERSHIPS } from './partnerships';
import { PEOPLE } from './people';
import { DemoProgramme } from './programme.types';
import { STAEDTETAG_2022 } from './staedtetag-2022';
import { STAEDTETAG_2027 } from './staedtetag-2027';

/**
 * The programme of the source texts in shared/seeds (2022–2024), with plausible details where they
 * are silent, and follow-ups in 2027 with invitations, so that feeds and the public calendar of a
 * fresh installation have upcoming events to show.
 */
export const DEMO_PROGRAMME: DemoProgramme = {
  operator: OPERATOR,
  organisations: ORGANISATIONS,
  partnerships: PARTNERSHIPS,
  people: PEOPLE,
  events: [
    STAEDTETAG_2022,
    ...MOROGORO_PARTNERSHIP_EVENTS,
    ...WARREN_EVENTS,
    ...ALBA_IULIA_EVENTS,
    STAEDTETAG_2027,
    ...MOROGORO_PARTNERSHIP_2027_EVENTS,
    ...PARTNER_NETWORKS_2027_EVENTS,
  ],
  invitations: INVITATIONS_2027,
  hosting: [DELEGATION_VISIT_2027_HOSTING],
  personalFeeds: PERSONAL_FEEDS,
  openSignUps: [STAEDTETAG_2027.key],
};
