import { Catalog } from '../catalog';

export const consoleExportsDe: Catalog['console']['exports'] = {
  heading: 'Herunterladen',
  participantsHint: 'Die Teilnehmerliste: eine Zeile je Einladung, mit Antworten und Workshop-Plätzen.',
  participantsCsv: 'Teilnehmende exportieren (CSV)',
  participantsXlsx: 'Teilnehmende exportieren (Excel)',
  includeSensitive: 'Vertrauliche Antworten einschließen',
  sensitiveHint:
    'Etwa Passnummern oder gesundheitliche Bedürfnisse. Das Protokoll hält fest, wer sie exportiert.',
  printProgramme: 'Programm drucken',
  language: 'Sprache des Programms',
};
