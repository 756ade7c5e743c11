import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import {
  localeOf,
  OrganisationsService,
  PeopleService,
  PersonContactView,
  personFieldErrors,
  PersonView,
  PlanningError,
} from '@app/planning';
import { consoleMessages } from '../console-layout';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { PeopleQueryDto, PersonFormDto } from './people-forms.dto';
import { assertMayChangePeople } from './people-roles';
import { PEOPLE_PATH, peoplePage } from './people.page';
import { PersonFormProblem, personFormPage, PersonFormValues, removePersonPage } from './person-form.page';

/**
 * People: the organisation's own people, listed, added, changed and removed through the planning
 * rules with the session's actor. People of other organisations are never listed here, even those
 * the organisation shares events with.
 */
@ConsoleScreen('console/people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  async list(
    @CurrentSession() session: ConsoleSession,
    @Query() query: PeopleQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { actor } = session;
    const q = query.q?.trim() ?? '';
    const [organisation, page] = await Promise.all([
      this.organisations.get(actor.organisationId),
      this.people.list(actor, {
        organisationId: actor.organisationId,
        q: q || undefined,
        cursor: query.cursor,
      }),
    ]);
    const items = page.items.filter(withContact);
    const view = { session, organisation, q, later: !!query.cursor, notice: notice(session, query) };
    sendConsolePage(response, 200, peoplePage({ ...view, page: { items, nextCursor: page.nextCursor } }));
  }

  @Get('new')
  async addForm(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    assertMayChangePeople(session);
    const organisation = await this.organisations.get(session.actor.organisationId);
    const values = {
      name: '',
      email: '',
      language: organisation.defaultLocale,
      timeZone: organisation.timeZone,
      department: '',
    };
    sendConsolePage(response, 200, personFormPage({ session, person: null, values, problems: {} }));
  }

  @Post()
  async add(
    @CurrentSession() session: ConsoleSession,
    @Body() form: PersonFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const organisationId = session.actor.organisationId;
    await saveForm(response, { session, person: null, form }, 'added', (input) =>
      this.people.create(session.actor, { ...input, organisationId }),
    );
  }

  @Get(':id')
  async editForm(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    assertMayChangePeople(session);
    const person = await this.ownPerson(session, id);
    const values = {
      name: person.name,
      email: person.email,
      language: person.locale,
      timeZone: person.timeZone,
      department: person.department ?? '',
    };
    sendConsolePage(response, 200, personFormPage({ session, person, values, problems: {} }));
  }

  @Post(':id')
  async edit(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PersonFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const person = await this.ownPerson(session, id);
    await saveForm(response, { session, person, form }, 'saved', (input) =>
      this.people.update(session.actor, id, input),
    );
  }

  @Get(':id/remove')
  async removeForm(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    assertMayChangePeople(session);
    sendConsolePage(response, 200, removePersonPage(session, await this.ownPerson(session, id)));
  }

  @Post(':id/remove')
  async remove(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.ownPerson(session, id);
    await this.people.erase(session.actor, id);
    response.redirect(303, `${PEOPLE_PATH}?done=removed`);
  }

  /** A person of the session's own organisation; anyone else answers as an unknown person. */
  private async ownPerson(session: ConsoleSession, id: string): Promise<PersonContactView> {
    const person = await this.people.get(session.actor, id);
    if (!withContact(person) || person.organisationId !== session.actor.organisationId) {
      throw PlanningError.notFound('person', id);
    }
    return person;
  }
}

/**
 * Stores the form through `store` and goes back to the list; a form with wrong values comes back
 * with a message per field (400), one with another person's address with that message (409).
 */
async function saveForm(
  response: Response,
  view: { session: ConsoleSession; person: PersonContactView | null; form: PersonFormDto },
  done: 'added' | 'saved',
  store: (input: ReturnType<typeof inputOf>) => Promise<unknown>,
): Promise<void> {
  const { session, person } = view;
  const values = valuesOf(view.form);
  const problems = problemsOf(values);
  if (problems) {
    sendConsolePage(response, 400, personFormPage({ session, person, values, problems }));
    return;
  }
  try {
    await store(inputOf(values));
  } catch (error) {
    if (!(error instanceof PlanningError && error.code === 'email_taken')) throw error;
    const page = personFormPage({ session, person, values, problems: { email: 'email_taken' } });
    sendConsolePage(response, 409, page);
    return;
  }
  response.redirect(303, `${PEOPLE_PATH}?done=${done}`);
}

function withContact(person: PersonView): person is PersonContactView {
  return person.contactVisible;
}

function valuesOf(form: PersonFormDto): PersonFormValues {
  return {
    name: form.name?.trim() ?? '',
    email: form.email?.trim() ?? '',
    language: form.language?.trim() ?? '',
    timeZone: form.timeZone?.trim() ?? '',
    department: form.department?.trim() ?? '',
  };
}

/** The planning rules' problems with the values, one per field; null when there are none. */
function problemsOf(
  values: PersonFormValues,
): Partial<Record<keyof PersonFormValues, PersonFormProblem>> | null {
  const errors = personFieldErrors(values);
  if (errors.length === 0) return null;
  return Object.fromEntries(errors.map((error) => [error.column, error.problem]));
}

function inputOf(values: PersonFormValues) {
  return {
    name: values.name,
    email: values.email,
    locale: localeOf(values.language) ?? undefined,
    timeZone: values.timeZone || undefined,
    department: values.department || null,
  };
}

function notice(session: ConsoleSession, query: PeopleQueryDto): string | null {
  const { t } = consoleMessages(session);
  if (query.done) return t(`console.people.${query.done}`);
  if (query.imported) {
    const [created, updated, unchanged, skipped] = query.imported.split(',');
    return t('console.people.imported', { created, updated, unchanged, skipped });
  }
  return null;
}
