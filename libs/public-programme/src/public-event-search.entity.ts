import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The words an event is found by, and what a search filters and orders it by, kept current by
 * triggers on events, organisations and co-hosts (migrations PublicEventSearch and
 * PublicEventSearchSpeed). Read by `PublicProgrammeQueries`; nothing in code writes it.
 */
@Entity('public_event_search')
export class PublicEventSearchEntry {
  @PrimaryColumn('uuid')
  eventId: string;

  /** Title (weight A), tags and hosts (B), venue and start year (C), description (D): German stems of folded words. */
  @Column({ type: 'tsvector' })
  document: string;

  /** The document without the description: what a search ranks by. */
  @Column({ type: 'tsvector' })
  heading: string;

  /** Public, published or cancelled, and no enclosing event internal or a draft. */
  @Column()
  listed: boolean;

  @Column()
  topLevel: boolean;

  @Column({ length: 32 })
  kind: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ length: 64 })
  startZone: string;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ length: 64 })
  endZone: string;

  /** The host first, then the co-hosts. */
  @Column({ type: 'uuid', array: true })
  organisationIds: string[];

  @Column({ type: 'uuid', nullable: true })
  partnershipId: string | null;

  @Column({ type: 'text', array: true })
  tags: string[];
}

/** Every word of every search document once, for trigram lookups of partial and misspelt words. */
@Entity('public_search_lexemes')
export class PublicSearchLexeme {
  @PrimaryColumn('text')
  lexeme: string;
}
