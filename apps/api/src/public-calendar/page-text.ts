/** The languages the public calendar is offered in: its texts have no Swahili yet. */
export const PAGE_LANGUAGES = ['de', 'en'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];
