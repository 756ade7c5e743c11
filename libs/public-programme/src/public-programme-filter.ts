/** Which events of the public programme a page or the JSON API shows. */
export interface PublicProgrammeFilter {
  /** An organisation's code: events it hosts or co-hosts. */
  organisationCode?: string;
  partnershipId?: string;
  kind?: string;
  tag?: string;
  /** What people typed: every word must match, in any order (see search-words.ts). */
  text?: string;
  /**
   * Events that end on or after this local date (YYYY-MM-DD, at the event's own zone). Without
   * `from` and `to`: a search looks through all times, a list shows events not yet ended.
   */
  from?: string;
  /** Events that start on or before this local date. */
  to?: string;
}

/** Top-level events only, unless a search or a kind asks for parts too (workshops, sessions). */
export function includesParts(filter: PublicProgrammeFilter): boolean {
  return Boolean(filter.text || filter.kind);
}
