/** The console's invite screen, in English: the shape the other languages follow. */
export const consoleInviteEn = {};
