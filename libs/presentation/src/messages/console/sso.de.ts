import { Catalog } from '../catalog';

export const consoleSsoDe: Catalog['console']['sso'] = {
  button: 'Mit {{provider}} anmelden',
  orEmail: 'oder',
  startAgain: 'Anmeldung neu beginnen',
  signInByEmail: 'Stattdessen per E-Mail anmelden',
  unknownTitle: 'Noch kein Konto für diese Adresse',
  unknown:
    'Ihre Anmeldung hat geklappt, aber zur Adresse {{email}} gehört kein Konto. Bitten Sie eine Administratorin oder einen Administrator Ihrer Organisation, Sie zu Treffpunkt einzuladen.',
  unverifiedTitle: 'E-Mail-Adresse nicht bestätigt',
  unverified:
    'Ihr Identitätsanbieter hat Ihre E-Mail-Adresse nicht bestätigt und kann Sie hier daher nicht anmelden. Wenden Sie sich an Ihre IT oder melden Sie sich per E-Mail an.',
  deniedTitle: 'Anmeldung nicht erlaubt',
  denied:
    'Der Identitätsanbieter hat Sie nicht angemeldet, etwa weil der Zugriff abgelehnt wurde. Sie können es erneut versuchen.',
  failedTitle: 'Anmeldung nicht abgeschlossen',
  failed:
    'Diese Anmeldung hat zu lange gedauert, wurde in einem anderen Browser begonnen oder passte nicht. Beginnen Sie sie auf der Anmeldeseite neu.',
  unavailableTitle: 'Identitätsanbieter nicht erreichbar',
  unavailable:
    'Der Identitätsanbieter war nicht erreichbar oder hat fehlerhaft geantwortet. Versuchen Sie es in einigen Minuten erneut oder melden Sie sich per E-Mail an.',
  offTitle: 'Einmalanmeldung nicht eingerichtet',
  off: 'Bei dieser Installation melden Sie sich per E-Mail an.',
};
