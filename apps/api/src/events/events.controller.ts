import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { EventsService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { CreateEventDto, DeleteEventQueryDto, EventQueryDto, UpdateEventDto } from './event.dto';
import { toEventPage, toEventView } from './event.view';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an event, or a part of one (workshop, session, travel leg …) with parentId.',
  })
  async create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreateEventDto) {
    return toEventView(await this.events.create(actor, body));
  }

  @Get()
  @ApiOperation({ summary: 'List events by start time, with filters.' })
  async list(@CurrentActor() actor: AuthenticatedKey, @Query() query: EventQueryDto) {
    const { from, to, ...rest } = query;
    return toEventPage(
      await this.events.list(actor, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'An event with all its parts nested under children.' })
  async get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toEventView(await this.events.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an event; changes a calendar shows raise its sequence.' })
  async update(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: UpdateEventDto) {
    return toEventView(await this.events.update(actor, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an event. Prefer cancelling (status=cancelled) once people were invited.',
  })
  remove(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: DeleteEventQueryDto,
  ) {
    return this.events.remove(actor, id, query.withChildren ?? false);
  }
}
