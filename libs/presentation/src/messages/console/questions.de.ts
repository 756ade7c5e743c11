import { Catalog } from '../catalog';

/** Die Registrierungsfragen einer Veranstaltung in der Konsole, auf Deutsch. */
export const consoleQuestionsDe: Catalog['console']['questions'] = {
  link: 'Anmeldefragen',
  title: 'Anmeldefragen: {{title}}',
  back: 'Zurück zu {{title}}',
  intro:
    'Was Teilnehmende gefragt werden, wenn sie auf ihre Einladung antworten oder sich anmelden: Ernährung und Barrierefreiheit, Anreise, Passdaten für eine Reise.',
  readOnly:
    'Sie können die Fragen lesen. Ändern können sie Admins und Organisierende der gastgebenden Organisation.',
  none: 'Diese Veranstaltung stellt noch keine Fragen.',
  saved: 'Die Fragen sind gespeichert.',
  errorSummary: 'Die Frage wurde nicht gespeichert. Bitte korrigieren Sie die markierten Felder.',
  inUse: 'Diese Änderung würde vorhandene Antworten unlesbar machen.',
  addTitle: 'Frage hinzufügen',
  add: 'Frage hinzufügen',
  edit: 'Bearbeiten',
  save: 'Frage speichern',
  moveUp: 'Nach oben',
  moveDown: 'Nach unten',
  remove: 'Entfernen',
  removeHint: 'Mit einer Frage werden auch ihre Antworten entfernt.',
  fields: {
    label: 'Frage',
    type: 'Art der Antwort',
    options: 'Antworten zur Auswahl',
    optionsHint:
      'Nur bei Auswahl: eine je Zeile. Eine Antwort, die schon gewählt wurde, kann nicht entfernt oder umbenannt werden.',
    required: 'Erforderlich für eine Zusage',
    askedAt: 'Gefragt',
    sensitive: 'Vertraulich (Pass, Gesundheit, Ernährung)',
    sensitiveHint:
      'Nur Admins und Organisierende der gastgebenden Organisation sehen die Antworten; sie werden nach der Veranstaltung gelöscht.',
  },
  errors: {
    label: 'Bitte geben Sie die Frage ein, höchstens 300 Zeichen.',
    type: 'Bitte wählen Sie eine Art der Antwort.',
    options:
      'Eine Auswahl braucht mindestens zwei verschiedene Antworten, eine je Zeile; andere Arten keine.',
    askedAt: 'Bitte wählen Sie, wann die Frage gestellt wird.',
    inUse:
      'Antworten halten, was Sie geändert haben: gewählte Antworten bleiben, und eine beantwortete Frage behält ihre Art. Fügen Sie stattdessen eine neue Frage hinzu.',
  },
  types: {
    text: 'Text',
    single_choice: 'Eine Auswahl',
    multiple_choice: 'Mehrere Auswahlen',
    yes_no: 'Ja oder Nein',
    date: 'Datum',
  },
  asked: {
    sign_up: 'bei der Anmeldung',
    answer: 'mit der Antwort auf eine Einladung',
  },
  badges: {
    required: 'erforderlich',
    sensitive: 'vertraulich',
  },
  answersTitle: 'Antworten auf die Anmeldefragen',
  noAnswer: 'keine Antwort',
  hiddenSensitive: 'verborgen: vertraulich',
  yes: 'Ja',
  no: 'Nein',
  retention: {
    title: 'Aufbewahrung sensibler Antworten',
    default: 'Sensible Antworten werden {{count}} Tage nach der Veranstaltung gelöscht (Standard).',
    own: 'Sensible Antworten werden {{count}} Tage nach der Veranstaltung gelöscht (Standard: {{defaultDays}}).',
    label: 'Tage nach der Veranstaltung',
    hint: 'Von 0 bis 3650; leer lassen für den Standard von {{defaultDays}} Tagen.',
    error: 'Geben Sie eine ganze Zahl von 0 bis {{max}} Tagen ein, oder lassen Sie das Feld leer.',
    save: 'Tage speichern',
  },
};
