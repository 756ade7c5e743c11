/** The console's settings screen, in English: the shape the other languages follow. */
export const consoleSettingsEn = {};
