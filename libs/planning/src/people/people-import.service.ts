import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditRecord, AuditTrail, changedFields, initialFields } from '@app/audit';
import { isUniqueViolation } from '@app/database';
import { Organisation } from '../organisations/organisation.entity';
import { Actor } from '../shared/actor';
import { assertActsFor } from '../shared/permissions';
import { PlanningError } from '../shared/planning.error';
import { PERSONAL_FIELDS, personFields, personRecord } from './person-audit';
import { CsvPerson, ImportColumn, PeopleCsv, readPeopleCsv } from './people-csv';
import { Person } from './person.entity';

/** What confirming would do with a row. */
export type ImportOutcome = 'new' | 'update' | 'unchanged' | 'error';

export interface ImportRow extends CsvPerson {
  outcome: ImportOutcome;
  /** The person a row updates or leaves unchanged. */
  personId: string | null;
  /** For an update: the columns whose values change. */
  changes: ImportColumn[];
}

export interface ImportPreview {
  organisationId: string;
  columns: ImportColumn[];
  rows: ImportRow[];
  counts: Record<ImportOutcome, number>;
  /**
   * Names the file and the people it matched as they were previewed: confirming with it stores
   * exactly what the preview showed, or nothing if those people changed meanwhile.
   */
  fingerprint: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/**
 * Importing people from a CSV file into the actor's organisation, in two steps: a preview that
 * stores nothing and says per row what confirming would do (new, update of the person with that
 * email, unchanged, or what is wrong), and the confirmation, which stores every valid row in one
 * transaction. Only organisers and admins of the organisation import; people of other
 * organisations are never changed, and the preview says no more about them than creating them
 * one by one would (that the address is taken).
 */
@Injectable()
export class PeopleImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async preview(actor: Actor, file: Buffer): Promise<ImportPreview> {
    const organisation = await this.organisationOf(actor);
    const csv = readPeopleCsv(file);
    const existing = await existingPeople(this.dataSource.manager, csv, false);
    return plan(file, csv, organisation, existing);
  }

  async confirm(actor: Actor, file: Buffer, fingerprint: string): Promise<ImportResult> {
    const organisation = await this.organisationOf(actor);
    const csv = readPeopleCsv(file);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const preview = plan(file, csv, organisation, await existingPeople(manager, csv, true));
        if (preview.fingerprint !== fingerprint) throw outdated();
        return this.store(manager, actor, organisation, preview);
      });
    } catch (error) {
      // Someone added a person with one of the file's addresses since the preview.
      if (isUniqueViolation(error)) throw outdated();
      throw error;
    }
  }

  private async store(
    manager: EntityManager,
    actor: Actor,
    organisation: Organisation,
    preview: ImportPreview,
  ): Promise<ImportResult> {
    const created = preview.rows
      .filter((row) => row.outcome === 'new')
      .map((row) =>
        manager.create(Person, {
          name: row.name,
          email: row.email,
          organisationId: organisation.id,
          department: row.department,
          locale: row.locale ?? organisation.defaultLocale,
          timeZone: row.timeZone ?? organisation.timeZone,
        }),
      );
    const records: AuditRecord[] = [];
    for (const person of await manager.save(Person, created, { chunk: 500 })) {
      const changes = initialFields(personFields(person), PERSONAL_FIELDS);
      records.push(personRecord(actor, 'person.created', person, { changes }));
    }
    const updates = preview.rows.filter((row) => row.outcome === 'update');
    const ids = updates.map((row) => row.personId!);
    const people = ids.length > 0 ? await manager.findBy(Person, { id: In(ids) }) : [];
    const byId = new Map(people.map((person) => [person.id, person]));
    for (const row of updates) {
      const person = byId.get(row.personId!)!;
      const before = personFields(person);
      Object.assign(person, changedValues(row, person));
      const changes = changedFields(before, personFields(person), PERSONAL_FIELDS);
      records.push(personRecord(actor, 'person.updated', person, { changes }));
    }
    await manager.save(Person, people, { chunk: 500 });
    await this.audit.record(manager, ...records);
    return {
      created: created.length,
      updated: updates.length,
      unchanged: preview.counts.unchanged,
      skipped: preview.counts.error,
    };
  }

  private async organisationOf(actor: Actor): Promise<Organisation> {
    assertActsFor(actor, [actor.organisationId], 'import people');
    const organisation = await this.dataSource.manager.findOneBy(Organisation, { id: actor.organisationId });
    if (!organisation) throw PlanningError.notFound('organisation', actor.organisationId);
    return organisation;
  }
}

function outdated(): PlanningError {
  return PlanningError.conflict(
    'import_outdated',
    'People of the file changed since the preview; look at the new preview and confirm again.',
  );
}

/** The people with the file's valid addresses, by address in lower case. */
async function existingPeople(
  manager: EntityManager,
  csv: PeopleCsv,
  lock: boolean,
): Promise<Map<string, Person>> {
  const emails = csv.rows.filter((row) => row.errors.length === 0).map((row) => row.email);
  if (emails.length === 0) return new Map();
  const people = await manager.find(Person, {
    where: { email: In(emails) },
    order: { id: 'ASC' },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  return new Map(people.map((person) => [person.email.toLowerCase(), person]));
}

function plan(
  file: Buffer,
  csv: PeopleCsv,
  organisation: Organisation,
  existing: Map<string, Person>,
): ImportPreview {
  const counts: Record<ImportOutcome, number> = { new: 0, update: 0, unchanged: 0, error: 0 };
  const rows = csv.rows.map((row): ImportRow => {
    const person = row.errors.length === 0 ? existing.get(row.email.toLowerCase()) : undefined;
    let planned: ImportRow;
    if (row.errors.length > 0) planned = { ...row, outcome: 'error', personId: null, changes: [] };
    else if (!person) planned = { ...row, outcome: 'new', personId: null, changes: [] };
    else if (person.organisationId !== organisation.id) {
      const errors = [...row.errors, { column: 'email' as const, problem: 'other_organisation' as const }];
      planned = { ...row, errors, outcome: 'error', personId: null, changes: [] };
    } else {
      const changes = (Object.keys(changedValues(row, person)) as Array<keyof PersonChanges>).map(
        (field) => COLUMN_OF[field],
      );
      const outcome = changes.length > 0 ? 'update' : 'unchanged';
      planned = { ...row, outcome, personId: person.id, changes };
    }
    counts[planned.outcome] += 1;
    return planned;
  });
  const fingerprint = createHash('sha256')
    .update(file)
    .update(JSON.stringify([organisation.id, organisation.defaultLocale, organisation.timeZone]))
    .update(JSON.stringify([...existing.values()].map((p) => [p.id, p.organisationId, p.updatedAt])))
    .digest('base64url');
  return { organisationId: organisation.id, columns: csv.columns, rows, counts, fingerprint };
}

type PersonChanges = Partial<Pick<Person, 'name' | 'locale' | 'timeZone' | 'department'>>;

const COLUMN_OF: Record<keyof PersonChanges, ImportColumn> = {
  name: 'name',
  locale: 'language',
  timeZone: 'timeZone',
  department: 'department',
};

/** The values a row changes; empty cells keep what the person has. */
function changedValues(row: CsvPerson, person: Person): PersonChanges {
  const changes: PersonChanges = {};
  if (row.name !== person.name) changes.name = row.name;
  if (row.locale && row.locale !== person.locale) changes.locale = row.locale;
  if (row.timeZone && row.timeZone !== person.timeZone) changes.timeZone = row.timeZone;
  if (row.department && row.department !== person.department) changes.department = row.department;
  return changes;
}
