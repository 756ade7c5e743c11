/** What a host does for a guest: hosts them overnight, guides, interprets, or drives them. */
export const HOST_ROLES = ['host_family', 'guide', 'interpreter', 'driver'] as const;
export type HostRole = (typeof HOST_ROLES)[number];

/** Visits whose guests are hosted: incoming delegations and outgoing exchange trips. */
export const HOSTED_VISIT_KINDS = ['delegation_visit', 'exchange_trip'] as const;
