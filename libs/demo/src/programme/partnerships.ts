import { PartnershipRecord } from './programme.types';

export const PARTNERSHIPS: PartnershipRecord[] = [
  {
    key: 'ikz-arnsberg-sundern',
    name: 'Interkommunale Zusammenarbeit Arnsberg–Sundern',
    description:
      '„Gemeinsam nachhaltig erfolgreich“: Arnsberg und Sundern bauen ihre interkommunale Zusammenarbeit seit 2022 aus, ' +
      'um sich in Themen wie Digitalisierung und Klimaschutz besser aufzustellen und aktuellen Herausforderungen gemeinsam ' +
      'zu begegnen. Auftakt war der erste gemeinsame Städtetag 2022 unter dem Motto „Herausforderungen gemeinsam angehen“. ' +
      'Die Finanzierung erfolgt über die beteiligten Partner; hauptverantwortlich ist die Stadt Arnsberg.',
    members: ['ARN', 'SUN'],
    lead: 'ARN',
  },
  {
    key: 'knp-arnsberg-morogoro',
    name: 'Kommunale Nachhaltigkeitspartnerschaft Arnsberg–Morogoro',
    description:
      'Partnerschaft „auf Augenhöhe“ im vom Bund geförderten Projekt „Kommunale Nachhaltigkeitspartnerschaften“. ' +
      'Oberstes Ziel ist ein gemeinsames Handlungskonzept zur Agenda 2030 und den globalen Nachhaltigkeitszielen (SDGs); ' +
      'Bürger:innen und lokale Wirtschaft in Arnsberg sollen für globale Zusammenhänge sensibilisiert werden. ' +
      'Stationen: Anbahnungsphase, Unterzeichnung der Vereinbarung, erstes virtuelles Treffen, Auftaktkonferenz in Hamm ' +
      '(20.–22.09.2023), Delegationsbesuch aus Morogoro (23.–27.09.2023) und Entsendung aus Arnsberg nach Morogoro ' +
      '(10.–17.02.2024).',
    members: ['ARN', 'MORO'],
    lead: 'ARN',
  },
  {
    key: 'knp-netzwerk-2023',
    name: 'Kommunale Nachhaltigkeitspartnerschaften – Netzwerk der 16 Partnerkommunen (2023–2025)',
    description:
      'Netzwerk der acht geförderten Partnerschaften – 16 Kommunen in Deutschland und im Globalen Süden – im Programm ' +
      '„Kommunale Nachhaltigkeitspartnerschaften“, begleitet von Engagement Global / SKEW über rund zweieinhalb Jahre. ' +
      'Gegenseitiges Kennenlernen und fachlicher Austausch; Auftaktkonferenz 2023 in Hamm (Westfalen).',
    members: ['SKEW', 'HAMM', 'ARN', 'MORO'],
    lead: 'ARN',
  },
  {
    key: 'climate-smart-arnsberg-warren',
    name: 'Climate Smart Municipalities: Arnsberg–Warren',
    description:
      'Exchange between Arnsberg and the City of Warren, Minnesota (USA) within the “Climate Smart Municipalities” ' +
      'network: municipal climate protection, energy efficiency and renewable energy in small and mid-sized cities. ' +
      'Austausch zu kommunalem Klimaschutz und Energieeffizienz.',
    members: ['ARN', 'WAR'],
    lead: 'ARN',
  },
  {
    key: 'arnsberg-alba-iulia',
    name: 'Städtenetzwerk Arnsberg–Alba Iulia',
    description:
      'Zusammenarbeit zwischen Arnsberg und Alba Iulia (Kreis Alba, Rumänien) zu Smart City, Digitalisierung der ' +
      'Verwaltung und Stadtentwicklung; exchange of experience between the two administrations.',
    members: ['ARN', 'ALBA'],
    lead: 'ARN',
  },
];
