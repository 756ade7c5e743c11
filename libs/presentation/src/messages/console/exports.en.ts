/** The console's download buttons (answers screen, programme editor), in English. */
export const consoleExportsEn = {
  heading: 'Downloads',
  participantsHint: 'The participant list: one row per invitation, with answers and workshop seats.',
  participantsCsv: 'Export participants (CSV)',
  participantsXlsx: 'Export participants (Excel)',
  includeSensitive: 'Include sensitive answers',
  sensitiveHint: 'Such as passport numbers or health needs. The audit trail records who exported them.',
  printProgramme: 'Print programme',
  language: 'Language of the programme',
};
