import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntryView, AuditPersonRecords } from '@app/audit';
import { ErasedCounts, PersonDataHolder, PersonDataHolders } from './person-data';

/**
 * The audit trail's part in a person's export and erasure. Registered from here because the
 * trail sits below planning (planning writes to it), so it cannot reach the registry itself.
 */
@Injectable()
export class PersonAuditData implements PersonDataHolder, OnModuleInit {
  readonly section = 'auditTrail';

  constructor(
    private readonly holders: PersonDataHolders,
    private readonly records: AuditPersonRecords,
  ) {}

  onModuleInit(): void {
    this.holders.register(this);
  }

  exportPerson(manager: EntityManager, personId: string): Promise<AuditEntryView[]> {
    return this.records.exportPerson(manager, personId);
  }

  erasePerson(manager: EntityManager, personId: string): Promise<ErasedCounts> {
    return this.records.erasePerson(manager, personId);
  }
}
