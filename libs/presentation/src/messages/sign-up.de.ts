import { Catalog } from './catalog';

/** Offene Anmeldung zu öffentlichen Veranstaltungen. */
export const signUpDe: Catalog['signUp'] = {
  button: 'Anmelden',
  seatsLeft_one: 'Noch 1 Platz frei',
  seatsLeft_other: 'Noch {{count}} Plätze frei',
  waitlist: 'Ausgebucht: Anmeldung auf die Warteliste',
  deadline: 'Anmeldung bis {{deadline}}',
  pageTitle: 'Anmeldung: {{title}}',
  intro:
    'Melden Sie sich mit Namen und E-Mail-Adresse an, ohne Konto. Wir senden Ihnen eine E-Mail mit einem Link; Ihre Anmeldung gilt, sobald Sie sie dort bestätigen.',
  name: 'Ihr Name',
  email: 'E-Mail-Adresse',
  language: 'Sprache unserer E-Mails',
  organisation: 'Organisation (freiwillig)',
  organisationHint: 'Zum Beispiel Ihr Verein, Ihre Schule oder Gemeinde.',
  honeypot: 'Dieses Feld bitte leer lassen',
  workshopsNote:
    'Hat die Veranstaltung Workshops, wählen Sie diese nach der Bestätigung auf Ihrer persönlichen Seite.',
  privacy: 'Bestätigen Sie nicht innerhalb von 48 Stunden, löschen wir Ihre Angaben.',
  submit: 'Anmelden',
  working: 'Wir prüfen, dass ein Mensch das Formular sendet – einen Moment …',
  noScript:
    'Dieses Formular rechnet statt eines Bilderrätsels kurz in Ihrem Browser, um Bots abzuhalten. Bitte erlauben Sie JavaScript für diese Seite, oder bitten Sie die Veranstalter, Sie anzumelden.',
  badRequestTitle: 'Anmeldung nicht gesendet',
  errorSummary: 'Bitte prüfen Sie die markierten Felder.',
  nameRequired: 'Bitte geben Sie Ihren Namen ein (höchstens 200 Zeichen).',
  emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.org.',
  languageInvalid: 'Bitte wählen Sie eine der Sprachen.',
  organisationTooLong: 'Bitte kürzen Sie die Organisation auf höchstens 200 Zeichen.',
  tooFast: 'Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal.',
  challengeInvalid: 'Dieses Formular ist abgelaufen. Bitte senden Sie es noch einmal.',
  proofMissing:
    'Ihr Browser hat die Prüfung gegen Bots nicht ausgeführt. Bitte erlauben Sie JavaScript für diese Seite und senden Sie das Formular noch einmal.',
  closedTitle: 'Anmeldung geschlossen',
  closedText: 'Zu dieser Veranstaltung ist (keine) Anmeldung (mehr) möglich.',
  checkTitle: 'Bitte prüfen Sie Ihre E-Mails',
  checkText:
    'Wir haben eine Nachricht an die angegebene Adresse gesendet. Öffnen Sie den Link darin innerhalb von 48 Stunden, um Ihre Anmeldung zu bestätigen. Bis dahin ist kein Platz für Sie reserviert.',
  checkSpam:
    'Nach einigen Minuten nichts angekommen? Sehen Sie im Spam-Ordner nach, oder melden Sie sich erneut an.',
  confirmTitle: 'Anmeldung bestätigen',
  confirmText: '{{name}} zu {{title}} anmelden?',
  confirmButton: 'Anmeldung bestätigen',
  linkInvalidTitle: 'Link ungültig',
  linkInvalidText:
    'Dieser Bestätigungslink wurde schon benutzt oder ist abgelaufen. Haben Sie bestätigt, finden Sie Ihren persönlichen Link in der E-Mail, die wir Ihnen dann geschickt haben; sonst melden Sie sich bitte erneut an.',
  tooManyTitle: 'Zu viele Versuche',
  tooManyText: 'Bitte warten Sie eine Weile und versuchen Sie es dann noch einmal.',
  emailSubject: 'Bitte bestätigen Sie Ihre Anmeldung: {{title}}',
  emailIntro:
    'Sie – oder jemand mit Ihrer Adresse – haben sich zu {{title}} ({{when}}) angemeldet. Bitte bestätigen Sie innerhalb von 48 Stunden mit dem Knopf unten. Bis dahin ist kein Platz reserviert.',
  emailButton: 'Anmeldung bestätigen',
  emailIgnore:
    'Sie haben sich nicht angemeldet? Dann ignorieren Sie diese E-Mail: Ohne Bestätigung wird die Anmeldung nach 48 Stunden gelöscht.',
};
