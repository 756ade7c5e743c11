import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { InvitationsService } from '@app/invitations';
import { EventsService, Locale } from '@app/planning';
import { MessageKey } from '@app/presentation';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { eventEditorPage, newEventPage, Notice, NOTICES } from './event-editor.page';
import {
  EventFormDto,
  eventInput,
  formValues,
  PART_KINDS,
  readAtOf,
  submitted,
  TOP_LEVEL_KINDS,
  TranslationFormDto,
  translationValues,
} from './event-form';
import { editorPath, PROGRAMME_PATH, programmeListPage } from './programme-list.page';
import { ProgrammeService } from './programme.service';

const TRANSLATION_TITLE_ERROR: MessageKey = 'console.programme.errors.translationTitle';

/**
 * The programme: the list, a new event, and an event's editor with its parts. Everything is
 * done through planning with the session's actor, so the API's rules hold here too.
 */
@ConsoleScreen('console/programme')
export class ProgrammeController {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  async list(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    sendConsolePage(response, 200, programmeListPage(session, await this.programme.programme(session.actor)));
  }

  @Get('new')
  async newEvent(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    sendConsolePage(
      response,
      200,
      newEventPage(session, await this.programme.newEventDefaults(session.actor)),
    );
  }

  @Post()
  async create(
    @CurrentSession() session: ConsoleSession,
    @Body() form: EventFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const values = formValues(form);
    const outcome = await submitted(eventInput(values, TOP_LEVEL_KINDS), (input) =>
      this.events.create(session.actor, { ...input, status: 'draft' }),
    );
    if ('errors' in outcome) {
      const defaults = await this.programme.newEventDefaults(session.actor);
      sendConsolePage(
        response,
        outcome.errors.status,
        newEventPage(session, defaults, { values, errors: outcome.errors }),
      );
      return;
    }
    response.redirect(303, `${editorPath(outcome.result.id)}?done=created`);
  }

  @Get('events/:id')
  async show(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('done') done: string | undefined,
    @Query('signUp') signUp: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const editor = await this.programme.editor(session.actor, id);
    const notice = (NOTICES as readonly string[]).includes(done ?? '') ? (done as Notice) : undefined;
    const settings = await this.programme.signUp(session.actor, editor);
    const writer = editor.hosted && session.actor.role !== 'viewer';
    sendConsolePage(
      response,
      200,
      eventEditorPage(session, {
        editor,
        notice,
        signUp: settings ? { settings, writer, saved: signUp === 'saved' } : undefined,
      }),
    );
  }

  @Post('events/:id')
  async update(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: EventFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const editor = await this.programme.editor(session.actor, id);
    const { event } = editor;
    const values = formValues(form);
    const parsed = eventInput(values, event.parentId ? PART_KINDS : TOP_LEVEL_KINDS);
    if ('input' in parsed && !form.roundsSeen) {
      const joined = await this.invitations.seatsJoinedByChange(session.actor, event.id, parsed.input);
      if (joined.length > 0) {
        const eventForm = { values, errors: { fields: {}, status: 409 as const } };
        sendConsolePage(response, 409, eventEditorPage(session, { editor, eventForm, seatsJoined: joined }));
        return;
      }
    }
    const outcome = await submitted(parsed, (input) => {
      // The console edits the place's name and address; its position stays as the API set it.
      const venue = input.venue
        ? {
            ...input.venue,
            latitude: event.venueLatitude,
            longitude: event.venueLongitude,
          }
        : null;
      return this.events.update(session.actor, id, { ...input, venue }, readAtOf(form.readAt));
    });
    if ('errors' in outcome) {
      const page = eventEditorPage(session, { editor, eventForm: { values, errors: outcome.errors } });
      sendConsolePage(response, outcome.errors.status, page);
      return;
    }
    response.redirect(303, `${editorPath(id)}?done=updated`);
  }

  /** A translation's form: all fields empty removes the translation. */
  @Post('events/:id/translations/:language')
  async translate(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('language') language: string,
    @Body() form: TranslationFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const values = translationValues(form);
    const empty = Object.values(values).every((text) => text === '');
    const outcome = await submitted({ input: empty ? null : values }, (texts) =>
      this.events.translate(session.actor, id, language, texts, readAtOf(form.readAt)),
    );
    if ('errors' in outcome) {
      // Planning took the language (it refuses unknown ones and the original before the texts).
      const { fields, ...errors } = outcome.errors;
      const translationForm = {
        language: language as Locale,
        values,
        errors: { ...errors, fields: fields.title ? { title: TRANSLATION_TITLE_ERROR } : {} },
      };
      const editor = await this.programme.editor(session.actor, id);
      const page = eventEditorPage(session, { editor, translationForm });
      sendConsolePage(response, outcome.errors.status, page);
      return;
    }
    response.redirect(303, `${editorPath(id)}?done=translated`);
  }

  @Post('events/:id/parts')
  async addPart(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: EventFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const values = formValues(form);
    const parent = await this.events.get(session.actor, id);
    const outcome = await submitted(eventInput(values, PART_KINDS), (input) =>
      this.events.create(session.actor, {
        ...input,
        parentId: id,
        // A part added to a published event is published with it: invitees see no drafts.
        status: parent.status === 'published' ? 'published' : 'draft',
      }),
    );
    if ('errors' in outcome) {
      const editor = await this.programme.editor(session.actor, id);
      const page = eventEditorPage(session, { editor, partForm: { values, errors: outcome.errors } });
      sendConsolePage(response, outcome.errors.status, page);
      return;
    }
    response.redirect(303, `${editorPath(id)}?done=partAdded`);
  }

  @Post('events/:id/remove')
  async removePart(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const part = await this.events.get(session.actor, id);
    await this.events.remove(session.actor, id, false);
    response.redirect(303, part.parentId ? `${editorPath(part.parentId)}?done=partRemoved` : PROGRAMME_PATH);
  }
}
