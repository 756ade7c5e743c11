import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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
import { Person } from './person.entity';

export interface PersonInput {
  name: string;
  email: string;
  organisationId?: string | null;
  department?: string | null;
  locale?: Locale;
  timeZone?: string;
}

export interface PersonFilter extends PageRequest {
  q?: string;
  organisationId?: string;
  department?: string;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly visibility: PeopleVisibility,
  ) {}

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
    return this.visibility.present(actor, await this.saveUnique(person));
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
    return this.visibility.present(actor, await this.saveUnique(person));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const person = await this.find(actor, id);
    this.assertManages(actor, person);
    await this.people.delete({ id });
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

  private async saveUnique(person: Person): Promise<Person> {
    try {
      return await this.people.save(person);
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
