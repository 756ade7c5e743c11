import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErasedCounts, PersonDataHolder, PersonDataHolders } from '@app/planning';

/** A person's feed tokens in an export: whether each works, never its secret or lookup id. */
export interface ExportedFeedToken {
  id: string;
  active: boolean;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The feed tokens part of exporting and erasing a person. */
@Injectable()
export class FeedTokenData implements PersonDataHolder, OnModuleInit {
  readonly section = 'feedTokens';

  constructor(private readonly holders: PersonDataHolders) {}

  onModuleInit(): void {
    this.holders.register(this);
  }

  exportPerson(manager: EntityManager, personId: string): Promise<ExportedFeedToken[]> {
    return manager.query(
      `SELECT id, revoked_at IS NULL AS active, created_at AS "createdAt", revoked_at AS "revokedAt"
         FROM feed_tokens WHERE person_id = $1 ORDER BY created_at, id`,
      [personId],
    );
  }

  /** A revoked token tells nothing anyone needs once the person is gone: all of them go. */
  async erasePerson(manager: EntityManager, personId: string): Promise<ErasedCounts> {
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM feed_tokens WHERE person_id = $1`,
      [personId],
    );
    return { feedTokensDeleted: deleted };
  }
}
