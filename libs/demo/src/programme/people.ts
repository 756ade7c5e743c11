import { PersonRecord } from './programme.types';

/** Fictitious staff of the demo organisations; all addresses are on reserved example domains. */
export const PEOPLE: PersonRecord[] = [
  // Stadt Arnsberg
  person(
    'Julia Hoffmann',
    'j.hoffmann@arnsberg.example',
    'ARN',
    'Büro des Bürgermeisters – Internationale Zusammenarbeit',
  ),
  person('Markus Schröder', 'm.schroeder@arnsberg.example', 'ARN', 'Digitalisierung und IT'),
  person('Sabine Lange', 's.lange@arnsberg.example', 'ARN', 'Klimaschutz'),
  person('Stefan Brüggemann', 's.brueggemann@arnsberg.example', 'ARN', 'Wirtschaftsförderung'),
  person('Anna Vogt', 'a.vogt@arnsberg.example', 'ARN', 'Umwelt'),
  person('Christine Kaiser', 'c.kaiser@arnsberg.example', 'ARN', 'Personal und Organisation'),
  person('Daniel Hüsken', 'd.huesken@arnsberg.example', 'ARN', 'Bauen und Planen'),
  person('Petra Winkelmann', 'p.winkelmann@arnsberg.example', 'ARN', 'Bürgerdienste'),
  person('Lukas Feldmann', 'l.feldmann@arnsberg.example', 'ARN', 'Schule, Jugend und Soziales'),
  person('Jan Rademacher', 'j.rademacher@arnsberg.example', 'ARN', 'Technische Dienste – Stadtentwässerung'),
  person(
    'Miriam Okafor',
    'm.okafor@arnsberg.example',
    'ARN',
    'Büro des Bürgermeisters – Internationale Zusammenarbeit',
    'en',
  ),
  // Stadt Sundern
  person('Martina Köster', 'm.koester@sundern.example', 'SUN', 'Hauptamt – Organisation'),
  person('Nils Hennecke', 'n.hennecke@sundern.example', 'SUN', 'Digitalisierung und IT'),
  person('Lea Schmitz', 'l.schmitz@sundern.example', 'SUN', 'Klimaschutz'),
  person('Frank Rinsche', 'f.rinsche@sundern.example', 'SUN', 'Wirtschaftsförderung und Tourismus'),
  person('Birgit Tigges', 'b.tigges@sundern.example', 'SUN', 'Umwelt'),
  person('Oliver Kemper', 'o.kemper@sundern.example', 'SUN', 'Bauen und Planen'),
  person('Sandra Pieper', 's.pieper@sundern.example', 'SUN', 'Bürgerdienste'),
  person('Heike Rüther', 'h.ruether@sundern.example', 'SUN', 'Personal'),
  // Morogoro Municipal Council
  person(
    'Neema Mwakyusa',
    'neema.mwakyusa@morogoro-mc.example',
    'MORO',
    "Municipal Director's Office – International Relations",
    'en',
  ),
  person(
    'Juma Mfinanga',
    'juma.mfinanga@morogoro-mc.example',
    'MORO',
    'Environment and Solid Waste Management',
    'sw',
  ),
  person('Rehema Kibwana', 'rehema.kibwana@morogoro-mc.example', 'MORO', 'Water and Sanitation', 'sw'),
  person('Baraka Mushi', 'baraka.mushi@morogoro-mc.example', 'MORO', 'Urban Planning', 'en'),
  person('Amani Komba', 'amani.komba@morogoro-mc.example', 'MORO', 'Community Development', 'sw'),
  person('Zawadi Mtui', 'zawadi.mtui@morogoro-mc.example', 'MORO', 'ICT', 'en'),
  person('Halima Salum', 'halima.salum@morogoro-mc.example', 'MORO', 'Education', 'sw'),
  // Hosts of the Morogoro delegation 2027: families of the partnership association, an interpreter, a driver
  person(
    'Ute Wiese',
    'familie.wiese@partnerschaftsverein-arnsberg.example',
    'ARN',
    'Partnerschaftsverein – Gastfamilie',
  ),
  person(
    'Claudia Bremer',
    'familie.bremer@partnerschaftsverein-arnsberg.example',
    'SUN',
    'Partnerschaftsverein – Gastfamilie',
  ),
  person(
    'Thomas Sauerwald',
    'familie.sauerwald@partnerschaftsverein-arnsberg.example',
    'ARN',
    'Partnerschaftsverein – Gastfamilie',
  ),
  person('Grace Lyimo', 'g.lyimo@arnsberg.example', 'ARN', 'Dolmetscherin Kiswahili–Deutsch–Englisch', 'en'),
  person('Jonas Weber', 'j.weber@arnsberg.example', 'ARN', 'Fuhrpark'),
  // Stadt Hamm, Engagement Global / SKEW
  person('Thomas Schulte', 't.schulte@hamm.example', 'HAMM', 'Internationale Beziehungen'),
  person(
    'Katharina Becker',
    'katharina.becker@engagement-global.example',
    'SKEW',
    'Kommunale Nachhaltigkeitspartnerschaften',
  ),
  person('Daniel Osei', 'daniel.osei@engagement-global.example', 'SKEW', 'Programmkoordination Afrika', 'en'),
  // City of Warren, Municipiul Alba Iulia
  person('Emily Johnson', 'emily.johnson@warren-mn.example', 'WAR', 'City Administration', 'en'),
  person('Ryan Olson', 'ryan.olson@warren-mn.example', 'WAR', 'Public Works and Energy', 'en'),
  person('Andreea Popa', 'andreea.popa@albaiulia.example', 'ALBA', 'Smart City', 'en'),
  person('Mihai Ionescu', 'mihai.ionescu@albaiulia.example', 'ALBA', 'Urban Development', 'en'),
  // Seconded to Morogoro for the partnership: works in Morogoro's zone but for Arnsberg.
  {
    name: 'Felix Brandt',
    email: 'f.brandt@arnsberg.example',
    organisation: 'ARN',
    department: 'Koordination Kommunale Nachhaltigkeitspartnerschaft (vor Ort in Morogoro)',
    locale: 'de',
    timeZone: 'Africa/Dar_es_Salaam',
  },
];

function person(
  name: string,
  email: string,
  organisation: string,
  department: string,
  locale: PersonRecord['locale'] = 'de',
): PersonRecord {
  return { name, email, organisation, department, locale };
}
