export interface PublicFeedFilter {
  kinds?: string[];
  tag?: string;
  /** An organisation's code: events it hosts or co-hosts. */
  organisationCode?: string;
  /** Text searched in titles and descriptions. */
  q?: string;
}

/** Which events a feed shows. */
export type FeedScope =
  | { kind: 'event'; eventId: string }
  | { kind: 'organisation'; code: string }
  | { kind: 'partnership'; partnershipId: string }
  | { kind: 'public'; filter: PublicFeedFilter }
  | { kind: 'personal'; lookupId: string };

/** A stable text naming the scope, for cache keys: equal filters give equal text. */
export function scopeIdentity(scope: FeedScope): string {
  switch (scope.kind) {
    case 'event':
      return `event:${scope.eventId}`;
    case 'organisation':
      return `organisation:${scope.code.toUpperCase()}`;
    case 'partnership':
      return `partnership:${scope.partnershipId}`;
    case 'personal':
      return `personal:${scope.lookupId}`;
    case 'public': {
      const { kinds, tag, organisationCode, q } = scope.filter;
      return `public:${JSON.stringify([
        [...new Set(kinds ?? [])].sort(),
        tag?.toLowerCase() ?? null,
        organisationCode?.toUpperCase() ?? null,
        q ?? null,
      ])}`;
    }
  }
}
