import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AuditTrail, changedFields, initialFields } from '@app/audit';
import { isUniqueViolation } from '@app/database';
import { assertTimeZone } from '../events/event-time';
import { Organisation } from '../organisations/organisation.entity';
import { Actor, isAdmin } from '../shared/actor';
import { Locale } from '../shared/locale';
import { Page, PageRequest, paginate } from '../shared/pagination';
import { assertActsFor, assertMayWrite } from '../shared/permissions';
import { PlanningError } from '../shared/planning.error';
import { likePattern } from '../shared/text-search';
import { PeopleVisibility, PersonView } from './people-visibility';
import { PERSONAL_FIELDS, personFields, personRecord } from './person-audit';
import { ErasedCounts, PersonDataHolders } from './person-data';
import { Person } from './person.entity';

export interface PersonInput {
  name: string;
  email: string;
  organisationId?: string | null;
  department?: string | null;
  locale?: Locale;
  timeZone?: string;
}

/** Everything stored about a person (GDPR Art. 15 and 20), as one JSON document. */
export interface PersonExport {
  exportedAt: Date;
  person: Pick<
    Person,
    | 'id'
    | 'name'
    | 'email'
    | 'organisationId'
    | 'department'
    | 'locale'
    | 'timeZone'
    | 'createdAt'
    | 'updatedAt'
  >;
  /** One entry per lib that stores data about people (invitations, emails, feedTokens, …). */
  [section: string]: unknown;
}

/**
 * What an erasure did, by lib, in counts: what an audit record of it holds, since the personal
 * data itself is gone.
 */
export interface ErasureReport {
  personId: string;
  organisationId: string | null;
  erasedAt: Date;
  sections: Record<string, ErasedCounts>;
}

export interface PersonFilter extends PageRequest {
  q?: string;
  organisationId?: string;
  department?: string;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly visibility: PeopleVisibility,
    private readonly holders: PersonDataHolders,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * People by id, for work done for the people themselves without an actor (the mail job writes
   * to them): no visibility rule applies. Ids of erased people are missing from the map.
   */
  async byIds(ids: string[]): Promise<Map<string, Person>> {
    if (ids.length === 0) return new Map();
    const people = await this.people.findBy({ id: In([...new Set(ids)]) });
    return new Map(people.map((person) => [person.id, person]));
  }

  async create(actor: Actor, input: PersonInput): Promise<PersonView> {
    const organisationId = input.organisationId ?? (isAdmin(actor) ? null : actor.organisationId);
    if (organisationId) assertActsFor(actor, [organisationId], 'add people to another organisation');
    else assertMayWrite(actor);
    const organisation = organisationId ? await this.organisation(organisationId) : null;
    const timeZone = input.timeZone ?? organisation?.timeZone ?? 'Europe/Berlin';
    assertTimeZone('timeZone', timeZone);
    const person = this.people.create({
      name: input.name.trim(),
      email: input.email.trim(),
      organisationId,
      department: input.department ?? null,
      locale: input.locale ?? organisation?.defaultLocale ?? 'en',
      timeZone,
    });
    const saved = await this.dataSource.transaction(async (manager) => {
      const created = await this.saveUnique(manager, person);
      const changes = initialFields(personFields(created), PERSONAL_FIELDS);
      await this.audit.record(manager, personRecord(actor, 'person.created', created, { changes }));
      return created;
    });
    return this.visibility.present(actor, saved);
  }

  /** A person as the actor may see them; 404 for people the actor may not see at all. */
  async get(actor: Actor, id: string): Promise<PersonView> {
    return this.visibility.present(actor, await this.find(actor, id));
  }

  /**
   * People the actor may see, by name. Email and department are searched and filtered only
   * among people whose contact data the actor sees.
   */
  async list(actor: Actor, filter: PersonFilter): Promise<Page<PersonView>> {
    const query = this.people.createQueryBuilder('person');
    await this.visibility.restrict(actor, query, 'person');
    const contact = this.visibility.contactCondition(actor, 'person');
    if (filter.q) {
      query.andWhere(`(person.name ILIKE :q OR (person.email ILIKE :q AND ${contact.sql}))`, {
        q: likePattern(filter.q),
        ...contact.parameters,
      });
    }
    if (filter.organisationId) {
      query.andWhere('person.organisationId = :organisationId', { organisationId: filter.organisationId });
    }
    if (filter.department) {
      query.andWhere(`person.department = :department AND ${contact.sql}`, {
        department: filter.department,
        ...contact.parameters,
      });
    }
    const page = await paginate(query, 'name', (person) => person.name, filter);
    return {
      items: page.items.map((person) => this.visibility.present(actor, person)),
      nextCursor: page.nextCursor,
    };
  }

  async update(actor: Actor, id: string, changes: Partial<PersonInput>): Promise<PersonView> {
    const person = await this.find(actor, id);
    this.assertManages(actor, person);
    const before = personFields(person);
    const formerOrganisationId = person.organisationId;
    if (changes.organisationId !== undefined && changes.organisationId !== person.organisationId) {
      if (changes.organisationId) {
        assertActsFor(actor, [changes.organisationId], 'move people into another organisation');
        await this.organisation(changes.organisationId);
      }
      person.organisationId = changes.organisationId;
    }
    if (changes.timeZone !== undefined) assertTimeZone('timeZone', changes.timeZone);
    if (changes.name !== undefined) person.name = changes.name.trim();
    if (changes.email !== undefined) person.email = changes.email.trim();
    if (changes.department !== undefined) person.department = changes.department;
    if (changes.locale !== undefined) person.locale = changes.locale;
    if (changes.timeZone !== undefined) person.timeZone = changes.timeZone;
    const saved = await this.dataSource.transaction(async (manager) => {
      const updated = await this.saveUnique(manager, person);
      const changed = changedFields(before, personFields(updated), PERSONAL_FIELDS);
      if (changed.length > 0) {
        const entry = { changes: changed, formerOrganisationId };
        await this.audit.record(manager, personRecord(actor, 'person.updated', updated, entry));
      }
      return updated;
    });
    return this.visibility.present(actor, saved);
  }

  /**
   * Everything stored about the person, for their own organisation's organisers and admins.
   * Keys that may not see the person's contact data get 404, as for an unknown person; a viewer
   * key of the person's own organisation gets 403, as exporting is an organiser's act.
   */
  async export(actor: Actor, id: string): Promise<PersonExport> {
    const person = await this.findWithContact(actor, id);
    assertMayWrite(actor);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const exported = await this.exportIn(manager, person);
      const details = { sections: Object.keys(exported).filter((key) => key !== 'exportedAt') };
      await this.audit.record(manager, personRecord(actor, 'person.exported', person, { details }));
      return exported;
    });
  }

  private async exportIn(manager: EntityManager, person: Person): Promise<PersonExport> {
    return {
      exportedAt: new Date(),
      person: {
        id: person.id,
        name: person.name,
        email: person.email,
        organisationId: person.organisationId,
        department: person.department,
        locale: person.locale,
        timeZone: person.timeZone,
        createdAt: person.createdAt,
        updatedAt: person.updatedAt,
      },
      ...(await this.holders.exportAll(manager, person.id)),
    };
  }

  /**
   * Erases the person (GDPR Art. 17): every lib removes what it holds about them, in one
   * transaction with deleting the person row. Anonymous rows stay where counts depend on them
   * (an event's answers, an event's email states). Same access as export.
   */
  async erase(actor: Actor, id: string): Promise<ErasureReport> {
    const person = await this.findWithContact(actor, id);
    this.assertManages(actor, person);
    const report = await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw PlanningError.notFound('person', id);
      const sections = await this.holders.eraseAll(manager, id, actor.who);
      await manager.delete(Person, { id });
      await this.audit.record(manager, personRecord(actor, 'person.erased', person, { details: sections }));
      return { personId: id, organisationId: person.organisationId, erasedAt: new Date(), sections };
    });
    this.holders.erasureCommitted();
    return report;
  }

  private async findWithContact(actor: Actor, id: string): Promise<Person> {
    const person = await this.find(actor, id);
    if (!this.visibility.seesContact(actor, person)) throw PlanningError.notFound('person', id);
    return person;
  }

  /**
   * The person if the actor may see them at all, else 404: reading, changing and removing a
   * person the actor may not see answer alike. One it sees but does not manage answers 403.
   */
  private async find(actor: Actor, id: string): Promise<Person> {
    const query = this.people.createQueryBuilder('person').where('person.id = :id', { id });
    await this.visibility.restrict(actor, query, 'person');
    const person = await query.getOne();
    if (!person) throw PlanningError.notFound('person', id);
    return person;
  }

  private assertManages(actor: Actor, person: Person): void {
    if (person.organisationId)
      assertActsFor(actor, [person.organisationId], 'change people of another organisation');
    else assertMayWrite(actor);
  }

  private async organisation(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw PlanningError.invalid('organisationId', `Unknown organisation ${id}.`);
    return organisation;
  }

  private async saveUnique(manager: EntityManager, person: Person): Promise<Person> {
    try {
      return await manager.save(person);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw PlanningError.conflict(
          'email_taken',
          `A person with the email ${person.email} exists already.`,
        );
      }
      throw error;
    }
  }
}
