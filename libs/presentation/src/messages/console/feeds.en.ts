/** The console's feeds screen, in English: the shape the other languages follow. */
export const consoleFeedsEn = {};
