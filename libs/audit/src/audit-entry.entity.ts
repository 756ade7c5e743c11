import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction, AuditRecordType } from './audit-actions';
import { AuditActorKind } from './audit-actor';
import { FieldChange } from './field-changes';

/** Context of an entry: counts, ids, flags; never personal data. */
export type AuditDetails = Record<string, string | number | boolean | null | object>;

/**
 * One change of one record, written in the transaction of the change. Entries are never updated
 * but by an erasure (which anonymises them) and never deleted but by the retention job.
 * Indexes are in the AuditTrail migration.
 */
@Entity('audit_entries')
export class AuditEntry {
  /** Grows with every entry: newest first is by id, which pages stably. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id: string;

  /** The time of the transaction that made the change; all entries of one change share it. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 16 })
  actorKind: AuditActorKind;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 200 })
  actorLabel: string;

  @Column({ type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  /** The organisations the change concerns (an event's host and co-hosts, a partnership's members). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  organisationIds: string[];

  @Column({ type: 'varchar', length: 32 })
  recordType: AuditRecordType;

  /** Null only for entries about the trail itself (pruning). No foreign key: entries outlive records. */
  @Column({ type: 'uuid', nullable: true })
  recordId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: AuditAction;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes: FieldChange[];

  /** Context that is not a field of the record: counts, the event a part changed with. Never personal data. */
  @Column({ type: 'jsonb', nullable: true })
  details: AuditDetails | null;

  /** The person the entry is about (a person record, an invitation's invitee), for export and erasure. */
  @Column({ type: 'uuid', nullable: true })
  subjectPersonId: string | null;
}
