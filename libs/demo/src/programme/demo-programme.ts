import { MOROGORO_PARTNERSHIP_EVENTS } from './morogoro-partnership';
import { OPERATOR, ORGANISATIONS } from './organisations';
import { ALBA_IULIA_EVENTS, WARREN_EVENTS } from './partner-networks';
import { PARTNERSHIPS } from './partnerships';
import { PEOPLE } from './people';
import { DemoProgramme } from './programme.types';
import { STAEDTETAG_2022 } from './staedtetag-2022';

/** The programme of the source texts in shared/seeds, with plausible details where they are silent. */
export const DEMO_PROGRAMME: DemoProgramme = {
  operator: OPERATOR,
  organisations: ORGANISATIONS,
  partnerships: PARTNERSHIPS,
  people: PEOPLE,
  events: [STAEDTETAG_2022, ...MOROGORO_PARTNERSHIP_EVENTS, ...WARREN_EVENTS, ...ALBA_IULIA_EVENTS],
};
