import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The words an event is found by, kept current by triggers on events, organisations and co-hosts
 * (migration PublicEventSearch). Read by `PublicProgrammeQueries`; nothing in code writes it.
 */
@Entity('public_event_search')
export class PublicEventSearchEntry {
  @PrimaryColumn('uuid')
  eventId: string;

  /** Title (weight A), tags and hosts (B), venue and start year (C), description (D): German stems of folded words. */
  @Column({ type: 'tsvector' })
  document: string;
}

/** Every word of every search document once, for trigram lookups of partial and misspelt words. */
@Entity('public_search_lexemes')
export class PublicSearchLexeme {
  @PrimaryColumn('text')
  lexeme: string;
}
