import {
  DELEGATION_VISIT_2027,
  PARTNERSHIP_MEETING_2027_01,
  PARTNERSHIP_MEETING_2027_09,
} from './morogoro-partnership-2027';
import { ALBA_IULIA_EXCHANGE_2027, WARREN_CALL_2027 } from './partner-networks-2027';
import { InvitationRoundRecord } from './programme.types';
import { STAEDTETAG_2027 } from './staedtetag-2027';

/**
 * Who was invited to the 2027 follow-ups and how they answered so far: a mix of accepted,
 * tentative, open and declined invitations, and workshop seats up to a full workshop with a
 * waitlist. Nobody of Morogoro is invited to the January meeting: that is left for the newcomer.
 */
export const INVITATIONS_2027: InvitationRoundRecord[] = [
  {
    event: STAEDTETAG_2027.key,
    answeredAt: '2026-11-09T08:30:00Z',
    invitees: [
      {
        email: 'm.schroeder@arnsberg.example',
        status: 'accepted',
        seats: { digitalisierung: 'confirmed', 'ki-praxislabor': 'confirmed' },
      },
      {
        email: 'n.hennecke@sundern.example',
        status: 'accepted',
        seats: { digitalisierung: 'confirmed', 'ki-praxislabor': 'confirmed' },
      },
      {
        email: 's.lange@arnsberg.example',
        status: 'accepted',
        seats: { waermeplanung: 'confirmed', 'bauen-mobilitaet': 'confirmed' },
      },
      {
        email: 'l.schmitz@sundern.example',
        status: 'accepted',
        seats: { waermeplanung: 'confirmed', 'ki-praxislabor': 'confirmed' },
      },
      { email: 's.brueggemann@arnsberg.example', status: 'tentative', seats: { tourismus: 'confirmed' } },
      {
        email: 'f.rinsche@sundern.example',
        status: 'accepted',
        seats: { tourismus: 'confirmed', 'ki-praxislabor': 'confirmed' },
      },
      {
        email: 'a.vogt@arnsberg.example',
        status: 'accepted',
        seats: { starkregen: 'confirmed', 'ki-praxislabor': 'waitlisted' },
      },
      { email: 'b.tigges@sundern.example', status: 'invited' },
      { email: 'c.kaiser@arnsberg.example', status: 'accepted', seats: { personal: 'confirmed' } },
      { email: 'h.ruether@sundern.example', status: 'declined' },
      { email: 'd.huesken@arnsberg.example', status: 'accepted', seats: { 'bauen-mobilitaet': 'confirmed' } },
      { email: 'o.kemper@sundern.example', status: 'tentative', seats: { 'bauen-mobilitaet': 'confirmed' } },
      { email: 'p.winkelmann@arnsberg.example', status: 'invited' },
      { email: 's.pieper@sundern.example', status: 'accepted', seats: { buergerdienste: 'confirmed' } },
      { email: 'm.koester@sundern.example', status: 'accepted' },
      { email: 'j.hoffmann@arnsberg.example', status: 'accepted' },
    ],
  },
  {
    event: PARTNERSHIP_MEETING_2027_01.key,
    answeredAt: '2026-11-16T10:00:00Z',
    invitees: [
      { email: 'j.hoffmann@arnsberg.example', status: 'accepted' },
      { email: 'm.okafor@arnsberg.example', status: 'accepted' },
      { email: 'f.brandt@arnsberg.example', status: 'accepted' },
      { email: 'j.rademacher@arnsberg.example', status: 'tentative' },
      { email: 's.lange@arnsberg.example', status: 'invited' },
    ],
  },
  {
    event: PARTNERSHIP_MEETING_2027_09.key,
    answeredAt: '2026-11-18T13:00:00Z',
    invitees: [
      { email: 'neema.mwakyusa@morogoro-mc.example', status: 'tentative' },
      { email: 'juma.mfinanga@morogoro-mc.example', status: 'accepted' },
      { email: 'rehema.kibwana@morogoro-mc.example', status: 'accepted' },
      { email: 'baraka.mushi@morogoro-mc.example', status: 'invited' },
      { email: 'j.hoffmann@arnsberg.example', status: 'accepted' },
      { email: 'm.okafor@arnsberg.example', status: 'accepted' },
      { email: 'f.brandt@arnsberg.example', status: 'accepted' },
    ],
  },
  {
    event: DELEGATION_VISIT_2027.key,
    answeredAt: '2026-11-12T09:00:00Z',
    invitees: [
      {
        email: 'neema.mwakyusa@morogoro-mc.example',
        status: 'accepted',
        seats: { wasserwerk: 'confirmed', 'fachworkshop-zwischenbilanz': 'confirmed' },
      },
      {
        email: 'rehema.kibwana@morogoro-mc.example',
        status: 'accepted',
        seats: { wasserwerk: 'confirmed', 'fachworkshop-zwischenbilanz': 'confirmed' },
      },
      {
        email: 'zawadi.mtui@morogoro-mc.example',
        status: 'accepted',
        seats: { nahwaermenetz: 'confirmed', 'fachworkshop-zwischenbilanz': 'confirmed' },
      },
      {
        email: 'halima.salum@morogoro-mc.example',
        status: 'accepted',
        seats: { nahwaermenetz: 'confirmed', 'fachworkshop-zwischenbilanz': 'confirmed' },
      },
      {
        email: 'juma.mfinanga@morogoro-mc.example',
        status: 'tentative',
        seats: { nahwaermenetz: 'confirmed' },
      },
      { email: 'baraka.mushi@morogoro-mc.example', status: 'invited' },
      { email: 'amani.komba@morogoro-mc.example', status: 'declined' },
      {
        email: 'f.brandt@arnsberg.example',
        status: 'accepted',
        seats: { 'fachworkshop-zwischenbilanz': 'confirmed' },
      },
      { email: 'j.hoffmann@arnsberg.example', status: 'accepted' },
    ],
  },
  {
    event: WARREN_CALL_2027.key,
    answeredAt: '2026-11-05T15:00:00Z',
    invitees: [
      { email: 'emily.johnson@warren-mn.example', status: 'accepted' },
      { email: 'ryan.olson@warren-mn.example', status: 'accepted' },
      { email: 's.lange@arnsberg.example', status: 'accepted' },
      { email: 'a.vogt@arnsberg.example', status: 'tentative' },
      { email: 'm.schroeder@arnsberg.example', status: 'declined' },
    ],
  },
  {
    event: ALBA_IULIA_EXCHANGE_2027.key,
    answeredAt: '2026-11-02T11:00:00Z',
    invitees: [
      { email: 'm.schroeder@arnsberg.example', status: 'accepted', seats: { datenplattform: 'confirmed' } },
      {
        email: 'd.huesken@arnsberg.example',
        status: 'accepted',
        seats: { altstadtentwicklung: 'confirmed' },
      },
      { email: 'j.hoffmann@arnsberg.example', status: 'tentative', seats: { datenplattform: 'confirmed' } },
      {
        email: 'p.winkelmann@arnsberg.example',
        status: 'invited',
        seats: { 'buergerdienste-digital': 'confirmed' },
      },
    ],
  },
];

/**
 * The people whose personal feed URL every load replaces and prints: an Arnsberg participant of
 * the city day and the Alba Iulia trip, and the head of the Morogoro delegation, who lives in
 * Africa/Dar_es_Salaam.
 */
export const PERSONAL_FEEDS = ['m.schroeder@arnsberg.example', 'neema.mwakyusa@morogoro-mc.example'];
