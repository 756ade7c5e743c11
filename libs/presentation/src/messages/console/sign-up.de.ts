import { Catalog } from '../catalog';

export const consoleSignUpDe: Catalog['console']['signUp'] = {
  heading: 'Offene Anmeldung',
  intro:
    'Mit offener Anmeldung kann sich jede und jeder auf der Seite im öffentlichen Kalender mit Namen und E-Mail-Adresse anmelden, bestätigt über einen dorthin gesendeten Link. Bestätigte Anmeldungen sind Einladungen: zugesagt, solange Plätze frei sind, danach auf der Warteliste.',
  open: 'Offen: Der öffentliche Kalender nimmt Anmeldungen an, bis {{until}}.',
  untilStart: 'die Veranstaltung beginnt',
  closed: 'Geschlossen: Nur Eingeladene können antworten.',
  notTaking:
    'Eingeschaltet, aber die Veranstaltung nimmt jetzt keine Anmeldungen an: Sie ist nicht öffentlich und veröffentlicht, hat begonnen, oder die Frist ist vorbei.',
  notPossible:
    'Nur öffentliche, veröffentlichte Veranstaltungen können Anmeldungen annehmen: Veröffentlichen Sie sie zuerst.',
  seats: '{{taken}} vergeben, {{left}} frei, {{pending}} warten auf ihre Bestätigung per E-Mail.',
  seatsUnlimited: '{{taken}} angemeldet oder zugesagt, {{pending}} warten auf ihre Bestätigung per E-Mail.',
  switch: 'Anmeldungen über den öffentlichen Kalender annehmen',
  deadline: 'Anmeldefrist (Ortszeit, freiwillig)',
  deadlineHint: 'Leer lassen, um Anmeldungen bis zum Beginn anzunehmen.',
  deadlineInvalid:
    'Geben Sie Datum und Uhrzeit vor dem Beginn der Veranstaltung ein, oder lassen Sie das Feld leer.',
  save: 'Anmeldung speichern',
  saved: 'Die Einstellungen zur Anmeldung wurden gespeichert.',
  publicPage: 'Öffentliche Anmeldeseite öffnen',
};
