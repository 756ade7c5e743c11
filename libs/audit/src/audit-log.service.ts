import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditReader, readableOrganisation } from './audit-access';
import { AuditAction, AuditRecordType } from './audit-actions';
import { AuditActorKind } from './audit-actor';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import { AuditEntry } from './audit-entry.entity';
import { AuditError } from './audit.error';

export interface AuditFilter {
  organisationId?: string;
  recordType?: AuditRecordType;
  recordId?: string;
  action?: AuditAction;
  actorKind?: AuditActorKind;
  actorId?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
  limit?: number;
  cursor?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export const DEFAULT_AUDIT_PAGE_SIZE = 50;

/** Reads the trail, newest first, as far as the reader may (see readableOrganisation). */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(reader: AuditReader, filter: AuditFilter): Promise<AuditPage> {
    const organisationId = readableOrganisation(reader, filter.organisationId);
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw AuditError.invalid('to', 'to must be later than from.');
    }
    const limit = filter.limit ?? DEFAULT_AUDIT_PAGE_SIZE;
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry');
    if (organisationId) {
      query.andWhere('entry.organisationIds @> ARRAY[:organisationId]::uuid[]', { organisationId });
    }
    const equal = {
      recordType: filter.recordType,
      recordId: filter.recordId,
      action: filter.action,
      actorKind: filter.actorKind,
      actorId: filter.actorId,
    };
    for (const [column, value] of Object.entries(equal)) {
      if (value !== undefined) query.andWhere(`entry.${column} = :${column}`, { [column]: value });
    }
    if (filter.from) query.andWhere('entry.occurredAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.occurredAt < :to', { to: filter.to });
    if (filter.cursor) query.andWhere('entry.id < :after', { after: decodeAuditCursor(filter.cursor) });
    const rows = await query
      .orderBy('entry.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeAuditCursor(last.id) : null };
  }
}
