import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditTrail, changedFields } from '@app/audit';
import { Actor, isAdmin } from '../shared/actor';
import { assertAdmin } from '../shared/permissions';
import { PlanningError } from '../shared/planning.error';
import { EmbeddingOrigin } from './embedding-origin.entity';
import { normaliseEmbeddingOrigins } from './embedding-origins';
import { Organisation } from './organisation.entity';

/**
 * Which other sites may embed an organisation's public calendar: frame its pages (CSP
 * frame-ancestors) and fetch its widget (CORS). Admins set the list; the organisation's own keys
 * read it, for the snippet the console shows.
 */
@Injectable()
export class EmbeddingOriginsService {
  constructor(
    @InjectRepository(EmbeddingOrigin) private readonly origins: Repository<EmbeddingOrigin>,
    private readonly audit: AuditTrail,
  ) {}

  async list(actor: Actor, organisationId: string): Promise<string[]> {
    await this.organisation(organisationId);
    if (!isAdmin(actor) && actor.organisationId !== organisationId) {
      throw PlanningError.forbidden(
        "Your organisation may not read another organisation's embedding settings.",
      );
    }
    return this.originsOf(organisationId);
  }

  /** Replaces the whole list, as the console's settings form sends it; audited with before and after. */
  async replace(actor: Actor, organisationId: string, origins: readonly string[]): Promise<string[]> {
    assertAdmin(actor, "choose the sites that may embed an organisation's calendar");
    const wanted = normaliseEmbeddingOrigins(origins);
    return this.origins.manager.transaction(async (manager) => {
      // Locks the organisation, so that two admins saving at once replace the list one after the other.
      const organisation = await manager.findOne(Organisation, {
        where: { id: organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!organisation) throw PlanningError.notFound('organisation', organisationId);
      const before = (await manager.findBy(EmbeddingOrigin, { organisationId }))
        .map((row) => row.origin)
        .sort();
      await manager.delete(EmbeddingOrigin, { organisationId });
      if (wanted.length)
        await manager.insert(
          EmbeddingOrigin,
          wanted.map((origin) => ({ organisationId, origin })),
        );
      const changes = changedFields({ embeddingOrigins: before }, { embeddingOrigins: wanted });
      if (changes.length) {
        await this.audit.record(manager, {
          actor: actor.who,
          action: 'organisation.embedding_origins_changed',
          recordType: 'organisation',
          recordId: organisationId,
          organisationIds: [organisationId],
          changes,
        });
      }
      return wanted;
    });
  }

  /** The origins that may embed the calendar of the organisation with this code (any case); none for an unknown code. */
  async originsOfCode(code: string): Promise<string[]> {
    const rows = await this.origins
      .createQueryBuilder('embedding')
      .innerJoin(Organisation, 'organisation', 'organisation.id = embedding.organisationId')
      .where('organisation.code = :code', { code: code.toUpperCase() })
      .orderBy('embedding.origin')
      .getMany();
    return rows.map((row) => row.origin);
  }

  /** The origins of the event's host and co-hosts: an event shows in each of their calendars. */
  async originsOfEvent(eventId: string): Promise<string[]> {
    const rows = await this.origins.query<Array<{ origin: string }>>(
      `SELECT DISTINCT eo.origin FROM embedding_origins eo
       WHERE eo.organisation_id IN (
         SELECT e.host_organisation_id FROM events e WHERE e.id = $1
         UNION SELECT c.organisation_id FROM event_co_hosts c WHERE c.event_id = $1)
       ORDER BY eo.origin`,
      [eventId],
    );
    return rows.map((row) => row.origin);
  }

  private async originsOf(organisationId: string): Promise<string[]> {
    const rows = await this.origins.find({ where: { organisationId }, order: { origin: 'ASC' } });
    return rows.map((row) => row.origin);
  }

  private async organisation(id: string): Promise<void> {
    if (!(await this.origins.manager.existsBy(Organisation, { id })))
      throw PlanningError.notFound('organisation', id);
  }
}
