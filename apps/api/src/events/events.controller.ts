import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedKey } from '@app/access';
import { InvitationError, InvitationsService } from '@app/invitations';
import { EventsService, LOCALES } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import {
  CopyEventDto,
  CreateEventDto,
  DeleteEventQueryDto,
  EventQueryDto,
  EventTranslationDto,
  UpdateEventDto,
  UpdateEventQueryDto,
} from './event.dto';
import { EventChangePreviewView } from './event-change-preview.view';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { EtagOf, EventListJson, EventPage, EventPageBodies, EventView, toEventView } from './event.view';

@ApiTags('events')
@ApiKeyAuth()
@Controller('events')
export class EventsController {
  private readonly listJson = new EventListJson();
  private readonly pageBodies = new EventPageBodies();

  constructor(
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create an event, or a part of one (workshop, session, travel leg …) with parentId.',
  })
  @ApiCreatedResponse({ type: EventView })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['event_cancelled'],
  })
  async create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreateEventDto) {
    return toEventView(await this.events.create(actor, body));
  }

  @Post(':id/copy')
  @ApiOperation({
    summary: 'Copy an event with its parts, as a new draft.',
    description:
      'Copies the event and its parts at any depth (cancelled parts are left out) in one transaction: titles, places, capacities, zones and reminders are kept, invitations are not. With startDate every part moves by the same calendar days and keeps its wall-clock time; a copied part must still lie inside the event around it.',
  })
  @ApiCreatedResponse({ type: EventView })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['event_cancelled'],
  })
  async copy(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: CopyEventDto) {
    return toEventView(await this.events.copy(actor, id, body));
  }

  @Get()
  @ApiOperation({ summary: 'List events by start time, with filters.' })
  @ApiOkResponse({ type: EventPage })
  @ApiProblems({})
  async list(
    @CurrentActor() actor: AuthenticatedKey,
    @Query() query: EventQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { from, to, ...rest } = query;
    const filter = { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
    const page = await this.events.list(actor, filter, this.listJson);
    const { bytes, etag } = this.pageBodies.of(page, response.app.get('etag fn') as EtagOf | undefined);
    // Express answers 304 itself when If-None-Match names this ETag.
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (etag) response.setHeader('ETag', etag);
    response.send(bytes);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An event with all its parts nested under children.' })
  @ApiOkResponse({ type: EventView })
  @ApiProblems({ 404: ['event_not_found'] })
  async get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toEventView(await this.events.get(actor, id));
  }

  @Post(':id/change-preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What a PATCH with this body would do to seats, without changing anything.',
    description:
      "Lists the people who would hold seats in two workshops of one round (workshops whose times overlap) if a workshop got the times in the body: the console's warning before saving, for clients that ask first. Times that do not parse join nobody here; the PATCH says why.",
  })
  @ApiOkResponse({ type: EventChangePreviewView })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found'],
  })
  async previewChange(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Body() body: UpdateEventDto,
  ): Promise<EventChangePreviewView> {
    // Planning's visibility first, so that the preview refuses exactly as the PATCH would.
    await this.events.get(actor, id);
    return { overlappingSeats: await this.invitations.seatsJoinedByChange(actor, id, body) };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an event; changes a calendar shows raise its sequence.',
    description:
      "Changes carry to the parts of the event (workshops, sessions, legs) at any depth. Cancelling cancels every part not cancelled yet; bringing the event back (status draft or published) brings back exactly the parts cancelled with it (as drafts when the event comes back as a draft); a part cannot come back while the event around it is cancelled. Moving both ends by the same wall-clock shift moves every part by that shift (a workshop at 10:00 stays at 10:00 when its city day moves by a week across a daylight-saving change); stretching or shrinking the event leaves the parts where they are and is refused when one would lie outside. Each invited person gets one email for the whole change, listing the parts of their programme. Reminders of cancelled parts are not sent and those of moved parts are rescheduled. Seats in a cancelled part are kept, so bringing it back restores everyone's programme; its waitlist moves up only once it is back. New times for a workshop that would leave people with seats in two workshops of one round answer 409 seats_overlap with `details.people` (see POST …/change-preview), unless sent with confirm=overlaps: then both seats are kept and each person's answer page asks them to choose, as after the console's warning.",
  })
  @ApiOkResponse({ type: EventView })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['event_cancelled', 'seats_overlap'],
  })
  async update(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: UpdateEventQueryDto,
    @Body() body: UpdateEventDto,
  ) {
    if (query.confirm !== 'overlaps') {
      const joined = await this.invitations.seatsJoinedByChange(actor, id, body);
      if (joined.length > 0) throw InvitationError.seatsOverlap(joined);
    }
    return toEventView(await this.events.update(actor, id, body));
  }

  @Put(':id/translations/:language')
  @ApiOperation({
    summary: "Set the event's title, description and venue notes in one language.",
    description:
      'Emails, answer pages and personal feeds show each person the texts in their language; a text left empty falls back to the original, with a note saying so. Raises the sequence, so calendars replace their copy; nobody is emailed. The original language itself is refused (400): change the event instead.',
  })
  @ApiParam({ name: 'language', enum: LOCALES })
  @ApiOkResponse({ type: EventView })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['event_cancelled'],
  })
  async translate(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Param('language') language: string,
    @Body() body: EventTranslationDto,
  ) {
    return toEventView(await this.events.translate(actor, id, language, body));
  }

  @Delete(':id/translations/:language')
  @ApiOperation({
    summary: "Remove the event's texts in one language; its readers get the original again, with a note.",
  })
  @ApiParam({ name: 'language', enum: LOCALES })
  @ApiOkResponse({ type: EventView })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['event_cancelled'],
  })
  async removeTranslation(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Param('language') language: string,
  ) {
    return toEventView(await this.events.translate(actor, id, language, null));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an event. Prefer cancelling (status=cancelled) once people were invited.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['event_has_children', 'event_has_invitations'],
  })
  remove(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: DeleteEventQueryDto,
  ) {
    return this.events.remove(actor, id, query.withChildren ?? false);
  }
}
