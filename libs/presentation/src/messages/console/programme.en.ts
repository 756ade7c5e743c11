/** The console's programme screen, in English: the shape the other languages follow. */
export const consoleProgrammeEn = {};
