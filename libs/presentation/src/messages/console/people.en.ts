/** The console's people screen, in English: the shape the other languages follow. */
export const consolePeopleEn = {};
