import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ChangeVersion, VersionedMemo } from '@app/database';
import { Actor, isAdmin } from '../shared/actor';
import { Locale } from '../shared/locale';
import { Person } from './person.entity';

/** A person as a key sees them: with contact data, or by name and organisation only. */
export type PersonView = PersonContactView | PersonNameView;

/** A person as their own organisation (and admins) see them. */
export interface PersonContactView {
  id: string;
  name: string;
  organisationId: string | null;
  /** True: this view carries the contact data. */
  contactVisible: true;
  email: string;
  department: string | null;
  locale: Locale;
  timeZone: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A person of another organisation that shares an event or a partnership with the reader's. */
export interface PersonNameView {
  id: string;
  name: string;
  organisationId: string | null;
  /** False: the person belongs to another organisation; only name and organisation are shown. */
  contactVisible: false;
}

/** The columns of a person a view is made of. */
export type PersonData = Pick<
  Person,
  | 'id'
  | 'name'
  | 'organisationId'
  | 'email'
  | 'department'
  | 'locale'
  | 'timeZone'
  | 'createdAt'
  | 'updatedAt'
>;

/** The organisations and events an organisation shares, as of one change version. */
interface Audience {
  /** The organisation itself and every organisation it shares an event or a partnership with. */
  organisationIds: string[];
  /** The events the organisation takes part in. */
  eventIds: string[];
}

/** Organisations whose audience this process keeps; beyond this it starts afresh. */
const REMEMBERED_AUDIENCES = 1_000;

/**
 * One statement for an organisation's audience ($1). Who holds an invitation comes from
 * `invited_people`, the view the invitations lib publishes: planning cannot depend on the lib that
 * depends on it, and the rule must hold in planning's own people lists.
 */
const AUDIENCE_SQL = `
  WITH taking_part AS (
    SELECT e.id FROM events e WHERE e.host_organisation_id = $1
    UNION SELECT c.event_id FROM event_co_hosts c WHERE c.organisation_id = $1
    UNION SELECT i.event_id FROM invited_people i JOIN people p ON p.id = i.person_id WHERE p.organisation_id = $1
  ), sharing AS (
    SELECT $1::uuid AS id
    UNION SELECT e.host_organisation_id FROM events e JOIN taking_part t ON t.id = e.id
    UNION SELECT c.organisation_id FROM event_co_hosts c JOIN taking_part t ON t.id = c.event_id
    UNION SELECT p.organisation_id FROM invited_people i JOIN taking_part t ON t.id = i.event_id
            JOIN people p ON p.id = i.person_id WHERE p.organisation_id IS NOT NULL
    UNION SELECT other.organisation_id FROM partnership_members own
            JOIN partnership_members other ON other.partnership_id = own.partnership_id
           WHERE own.organisation_id = $1
  )
  SELECT ARRAY(SELECT id::text FROM sharing) AS "organisationIds",
         ARRAY(SELECT id::text FROM taking_part) AS "eventIds"`;

/**
 * Who may see which of a person's data, for every endpoint that shows people (people, invitations,
 * emails). It is the only place that decides it:
 *
 * - Admin keys see everything of everyone.
 * - A key of organisation X sees the contact data (email, department, locale, time zone, email
 *   history) of X's own people only.
 * - A person of another organisation Y appears by id, name and organisation only, and only when X
 *   and Y share an event or a partnership. An organisation *takes part* in an event when it hosts
 *   or co-hosts it or when one of its people holds an invitation to it (whatever the answer, a
 *   withdrawn one included: the host keeps seeing it in the event's invitations). Two
 *   organisations *share an event* when both take part in it, and *share a partnership* when both
 *   are members of it.
 * - A person without an organisation appears by name only to organisations that take part in an
 *   event the person is invited to.
 * - Everyone else is left out of lists and answers 404, so that ids do not reveal who exists.
 *
 * The role of the key (organiser or viewer) does not change what it may read.
 */
@Injectable()
export class PeopleVisibility {
  /** Audiences change only when events, invitations or partnerships do: kept per change version. */
  private readonly audiences = new VersionedMemo<Audience>(REMEMBERED_AUDIENCES);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ChangeVersion,
  ) {}

  /** Whether the actor sees the person's contact data and email history. */
  seesContact(actor: Actor, person: Pick<Person, 'organisationId'>): boolean {
    return isAdmin(actor) || person.organisationId === actor.organisationId;
  }

  /**
   * The person as the actor may see them. Callers show only people the actor may see at all:
   * lists restrict their query with `restrict`; an event's invitees and emails are shown to its
   * hosts only, who share the event with every invitee by definition.
   */
  present(actor: Actor, person: PersonData): PersonView {
    if (!this.seesContact(actor, person)) {
      return {
        id: person.id,
        name: person.name,
        organisationId: person.organisationId,
        contactVisible: false,
      };
    }
    return {
      id: person.id,
      name: person.name,
      organisationId: person.organisationId,
      contactVisible: true,
      email: person.email,
      department: person.department,
      locale: person.locale,
      timeZone: person.timeZone,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    };
  }

  /** Narrows a query of people (under `alias`) to those the actor may see at all. */
  async restrict(actor: Actor, query: SelectQueryBuilder<Person>, alias: string): Promise<void> {
    if (isAdmin(actor)) return;
    const audience = await this.audience(actor.organisationId);
    query.andWhere(
      `(${alias}.organisation_id = ANY(:audienceOrganisationIds::uuid[])
        OR (${alias}.organisation_id IS NULL AND EXISTS (SELECT 1 FROM invited_people audience_invitation
              WHERE audience_invitation.person_id = ${alias}.id
                AND audience_invitation.event_id = ANY(:audienceEventIds::uuid[]))))`,
      { audienceOrganisationIds: audience.organisationIds, audienceEventIds: audience.eventIds },
    );
  }

  /**
   * Of these ids, those of people the actor may not see at all, unknown ids among them: endpoints
   * that take people's ids answer both alike, so that an id does not reveal that someone exists.
   */
  async unseen(actor: Actor, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const query = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('person')
      .select('person.id', 'id')
      .where('person.id = ANY(:ids::uuid[])', { ids });
    await this.restrict(actor, query, 'person');
    const seen = new Set((await query.getRawMany<{ id: string }>()).map((row) => row.id));
    return ids.filter((id) => !seen.has(id));
  }

  /**
   * A condition (under `alias`) that holds for people whose contact data the actor sees: searches
   * and filters on contact data use it, so that they cannot be used to test another
   * organisation's people for an address or a department.
   */
  contactCondition(actor: Actor, alias: string): { sql: string; parameters: Record<string, unknown> } {
    if (isAdmin(actor)) return { sql: 'TRUE', parameters: {} };
    return {
      sql: `${alias}.organisation_id = :contactOrganisationId`,
      parameters: { contactOrganisationId: actor.organisationId },
    };
  }

  private async audience(organisationId: string): Promise<Audience> {
    const version = await this.changes.current();
    const kept = this.audiences.get(organisationId, version);
    if (kept) return kept;
    const [audience]: Audience[] = await this.dataSource.query(AUDIENCE_SQL, [organisationId]);
    this.audiences.set(organisationId, version, audience);
    return audience;
  }
}
