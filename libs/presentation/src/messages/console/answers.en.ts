/** The console's answers screen, in English: the shape the other languages follow. */
export const consoleAnswersEn = {};
