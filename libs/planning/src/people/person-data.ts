import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditActor } from '@app/audit';

/** What erasing did in one lib's tables: counts only, never the data itself. */
export type ErasedCounts = Record<string, number>;

/**
 * A lib that stores data about people in tables of its own (invitations, emails, feed tokens, and
 * later the audit trail). It registers itself here, so that planning, which owns people, can
 * export and erase a person completely while depending on none of those libs.
 */
export interface PersonDataHolder {
  /** The key of this lib's part in an export and in an erasure report, e.g. "invitations". */
  readonly section: string;
  /** Everything this lib stores about the person, as JSON-ready data; never secrets. */
  exportPerson(manager: EntityManager, personId: string): Promise<unknown>;
  /**
   * Removes the person's personal data from this lib's tables, in the erasure's transaction
   * (before the person row goes), keeping anonymous rows where counts depend on them. Changes it
   * records in the audit trail are `erasedBy`'s.
   */
  erasePerson(manager: EntityManager, personId: string, erasedBy: AuditActor): Promise<ErasedCounts>;
  /** Runs after the erasure committed (e.g. to nudge the sending of emails it queued); must not throw. */
  erasureCommitted?(): void;
}

@Injectable()
export class PersonDataHolders {
  private readonly holders: PersonDataHolder[] = [];

  register(holder: PersonDataHolder): void {
    this.holders.push(holder);
  }

  async exportAll(manager: EntityManager, personId: string): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = {};
    for (const holder of this.holders)
      sections[holder.section] = await holder.exportPerson(manager, personId);
    return sections;
  }

  async eraseAll(
    manager: EntityManager,
    personId: string,
    erasedBy: AuditActor,
  ): Promise<Record<string, ErasedCounts>> {
    const sections: Record<string, ErasedCounts> = {};
    for (const holder of this.holders) {
      sections[holder.section] = await holder.erasePerson(manager, personId, erasedBy);
    }
    return sections;
  }

  erasureCommitted(): void {
    for (const holder of this.holders) holder.erasureCommitted?.();
  }
}
