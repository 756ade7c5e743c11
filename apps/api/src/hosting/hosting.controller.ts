import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { HostingService, HostSchedulesService, ItinerariesService } from '@app/hosting';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { AssignRoomDto, CreateHostAssignmentDto } from './hosting.dto';
import {
  HostAssignmentView,
  HostingPlanView,
  ItineraryView,
  RoomAssignmentView,
  SchedulesSentView,
  toHostAssignmentView,
  toHostingPlanView,
  toItineraryView,
  toRoomAssignmentView,
  toSchedulesSentView,
} from './hosting.view';

const ACCESS =
  "The visit's host and co-hosts read its hosting with keys of every role; their organiser and admin keys change it. Other organisations get 404. See docs/hosting.md.";

/** Who hosts the guests of a delegation visit or exchange trip, and the rooming list. */
@ApiTags('hosting')
@ApiKeyAuth()
@Controller('events/:id/hosting')
export class HostingController {
  constructor(
    private readonly hosting: HostingService,
    private readonly itineraries: ItinerariesService,
    private readonly schedules: HostSchedulesService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The hosting of a visit: guests, nights, programme items, hosts and rooms',
    description: ACCESS,
  })
  @ApiOkResponse({ type: HostingPlanView })
  @ApiProblems({ 404: ['event_not_found'], 409: ['not_a_visit'] })
  async plan(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toHostingPlanView(await this.hosting.plan(actor, id));
  }

  @Post('hosts')
  @ApiOperation({
    summary:
      'Assign a host family (per night), a guide, an interpreter or a driver (per programme item) to a guest',
    description: `A guest has one host family a night at most (409 host_family_taken); a cancelled item takes no new assignments (409 part_cancelled). ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: HostAssignmentView })
  @ApiProblems({
    400: ['guest_not_invited'],
    403: ['forbidden'],
    404: ['event_not_found', 'person_not_found'],
    409: ['not_a_visit', 'part_cancelled', 'host_family_taken', 'already_assigned'],
  })
  async assignHost(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Body() body: CreateHostAssignmentDto,
  ) {
    return toHostAssignmentView(await this.hosting.assignHost(actor, id, body));
  }

  @Delete('hosts/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a host assignment', description: ACCESS })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found', 'host_assignment_not_found'],
    409: ['not_a_visit'],
  })
  async unassignHost(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('assignmentId') assignmentId: string,
  ): Promise<void> {
    await this.hosting.unassignHost(actor, id, assignmentId);
  }

  @Post('rooms')
  @ApiOperation({
    summary: 'Put guests in a room of an accommodation for a night (the rooming list)',
    description: `A guest in another room that night moves to this one. ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: [RoomAssignmentView] })
  @ApiProblems({
    400: ['guest_not_invited'],
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['not_a_visit', 'part_cancelled'],
  })
  async assignRoom(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Body() body: AssignRoomDto,
  ) {
    return (await this.hosting.assignRoom(actor, id, body)).map(toRoomAssignmentView);
  }

  @Delete('rooms/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a guest out of a room for a night', description: ACCESS })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found', 'room_assignment_not_found'],
    409: ['not_a_visit'],
  })
  async unassignRoom(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('assignmentId') assignmentId: string,
  ): Promise<void> {
    await this.hosting.unassignRoom(actor, id, assignmentId);
  }

  @Get('itineraries/:personId')
  @ApiOperation({
    summary: "A guest's itinerary, day by day, in the guest's language with local times at each end",
    description: `The guest reads it (and prints it as PDF) behind their answer link at /answer/{token}/itinerary. ${ACCESS}`,
  })
  @ApiOkResponse({ type: ItineraryView })
  @ApiProblems({ 400: ['guest_not_invited'], 404: ['event_not_found'], 409: ['not_a_visit'] })
  async itinerary(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('personId') personId: string,
  ) {
    return toItineraryView(await this.itineraries.forOrganiser(actor, id, personId));
  }

  @Post('schedules')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Email every host their schedule for the visit',
    description: `Only hosts whose schedule changed since the last one sent (or who never had one) are mailed; sending again without a change mails nobody. ${ACCESS}`,
  })
  @ApiOkResponse({ type: SchedulesSentView })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'], 409: ['not_a_visit'] })
  async sendSchedules(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toSchedulesSentView(await this.schedules.send(actor, id));
  }
}
