import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import { ERASED_PERSON_LABEL } from './audit-actor';
import { AuditEntry } from './audit-entry.entity';
import { auditEntryView, AuditEntryView } from './audit-entry.view';

/** Actor kinds whose id is a person's. */
const PERSON_ACTORS = ['invitee', 'person'];

/**
 * The trail's part in exporting and erasing a person: the entries about them (their person
 * record, their invitations) and those they made themselves (answers through their link).
 */
@Injectable()
export class AuditPersonRecords {
  async exportPerson(manager: EntityManager, personId: string): Promise<AuditEntryView[]> {
    const entries = await manager
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.subjectPersonId = :personId', { personId })
      .orWhere(
        new Brackets((made) =>
          made
            .where('entry.actorKind IN (:...kinds)', { kinds: PERSON_ACTORS })
            .andWhere('entry.actorId = :personId'),
        ),
      )
      .orderBy('entry.id', 'ASC')
      .getMany();
    return entries.map(auditEntryView);
  }

  /**
   * Keeps every entry, so that counts of changes and answers stay right, but nothing in them
   * leads back to the person: their name as an actor goes, the link to them as the subject goes,
   * and the values of their person record's fields go (which fields changed stays).
   */
  async erasePerson(manager: EntityManager, personId: string): Promise<Record<string, number>> {
    const [, asActor]: [unknown, number] = await manager.query(
      `UPDATE audit_entries SET actor_id = NULL, actor_label = $2
        WHERE actor_kind = ANY($3::varchar[]) AND actor_id = $1`,
      [personId, ERASED_PERSON_LABEL, PERSON_ACTORS],
    );
    const [, asSubject]: [unknown, number] = await manager.query(
      `UPDATE audit_entries
          SET subject_person_id = NULL,
              changes = CASE WHEN record_type = 'person'
                             THEN (SELECT coalesce(jsonb_agg(jsonb_build_object('field', c->'field', 'personal', true)), '[]'::jsonb)
                                     FROM jsonb_array_elements(changes) c)
                             ELSE changes END
        WHERE subject_person_id = $1`,
      [personId],
    );
    return { auditEntriesAnonymisedAsActor: asActor, auditEntriesAnonymisedAsSubject: asSubject };
  }
}
