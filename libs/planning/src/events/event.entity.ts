import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  RelationId,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { Locale } from '../shared/locale';
import { EventKind, EventStatus, EventVisibility } from './event-kind';
import type { EventTranslations } from './event-translations';

const decimal = {
  to: (value?: number | null) => value,
  from: (value?: string | null) => (value == null ? null : Number(value)),
};

/**
 * One model for every kind of gathering: a city day and its workshops, a conference and its
 * sessions, a trip with its travel legs and site visits. Each end of the span is an instant plus
 * the IANA zone it happens in, because a flight leaves in one zone and lands in another.
 */
@Entity('events')
@Index(['startsAt', 'id'])
@Index('IDX_events_tags', { synchronize: false })
// Made by the PublicEventSearch migration: the public calendar lists events not yet ended.
@Index('IDX_events_ends_at', { synchronize: false })
@Check('events_span_check', '"ends_at" >= "starts_at"')
@Check('events_capacity_check', '"capacity" IS NULL OR "capacity" >= 0')
@Check('events_original_language_check', `"original_language" IN ('de', 'en', 'sw')`)
@Check('events_translations_check', `jsonb_typeof("translations") = 'object'`)
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: EventKind;

  @Column({ length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The language title, description and venue notes were typed in; `translations` holds the others. */
  @Column({ type: 'varchar', length: 2, default: 'de' })
  originalLanguage: Locale;

  /** Title, description and venue notes in other languages than the original (see event-translations.ts). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  translations: EventTranslations;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ length: 64 })
  startZone: string;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ length: 64 })
  endZone: string;

  /** All-day events span whole local days; `endsAt` is then the midnight after the last day. */
  @Column({ default: false })
  allDay: boolean;

  /**
   * Where the event started, in its zone then, before it was last moved while published: the
   * public page and search engines say it was rescheduled. Null for an event never moved in public.
   */
  @Column({ type: 'timestamptz', nullable: true })
  previousStartsAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  previousStartZone: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venueName: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  venueAddress: string | null;

  /** How to find the place once there ("entrance via the town hall courtyard"). */
  @Column({ type: 'text', default: '' })
  venueNotes: string;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: decimal })
  venueLatitude: number | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: decimal })
  venueLongitude: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  onlineUrl: string | null;

  @Index()
  @Column({ type: 'uuid' })
  hostOrganisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_organisation_id' })
  hostOrganisation: Organisation;

  @ManyToMany(() => Organisation)
  @JoinTable({
    name: 'event_co_hosts',
    joinColumn: { name: 'event_id' },
    inverseJoinColumn: { name: 'organisation_id' },
  })
  coHosts: Organisation[];

  @RelationId((event: Event) => event.coHosts)
  coHostIds: string[];

  @Index()
  @Column({ type: 'uuid', nullable: true })
  partnershipId: string | null;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'partnership_id' })
  partnership: Partnership | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: EventStatus;

  /**
   * Set only on a part cancelled because the event around it was: the status it returns to when
   * that event is brought back. A part cancelled on its own stays cancelled then.
   */
  @Column({ type: 'varchar', length: 16, nullable: true })
  resumeStatus: EventStatus | null;

  @Column({ type: 'varchar', length: 16, default: 'public' })
  visibility: EventVisibility;

  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Event, (event) => event.children, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent: Event | null;

  @OneToMany(() => Event, (event) => event.parent)
  children: Event[];

  /** Minutes before the start at which attendees are reminded; whole days keep the wall-clock time. */
  @Column({ type: 'int', array: true, default: () => "'{10080,1440}'" })
  reminderOffsets: number[];

  /** Goes up whenever something a calendar shows changes, so clients replace their copy. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
