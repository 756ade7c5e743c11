export const LOCALES = ['de', 'en', 'sw'] as const;
export type Locale = (typeof LOCALES)[number];
