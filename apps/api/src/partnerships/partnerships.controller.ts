import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { PartnershipsService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CreatePartnershipDto, PartnershipQueryDto, UpdatePartnershipDto } from './partnership.dto';
import { ChangedPartnershipView, PartnershipPage, PartnershipView } from './partnership.view';

@ApiTags('partnerships')
@ApiKeyAuth()
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a partnership of organisations; the key must act for a member.' })
  @ApiCreatedResponse({ type: PartnershipView })
  @ApiProblems({ 403: ['forbidden'], 409: ['partnership_name_taken'] })
  create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreatePartnershipDto) {
    return this.partnerships.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'List partnerships, by name.' })
  @ApiOkResponse({ type: PartnershipPage })
  @ApiProblems({})
  list(@Query() query: PartnershipQueryDto) {
    return this.partnerships.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A partnership with its member organisations.' })
  @ApiOkResponse({ type: PartnershipView })
  @ApiProblems({ 404: ['partnership_not_found'] })
  get(@IdParam() id: string) {
    return this.partnerships.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      "Change a partnership; members and lead only by an admin key or the partnership's lead organisation.",
    description:
      "Any member organisation's organisers change name and description. Adding or removing members and handing on the lead need an admin key or the lead organisation (403 otherwise); the lead must stay a member (400). Removing members needs `confirmMemberRemoval: true` (see 409). The answer is the partnership with `memberChanges`: the organisations added, and per removed organisation what it lost. On 409 " +
      "`member_removal_unconfirmed`: nothing was changed; `details.removedMembers` lists per removed organisation the internal events its keys would no longer see and how many of its people hold invitations to the partnership's events. `partnership_name_taken`: another partnership has the name.",
  })
  @ApiOkResponse({ type: ChangedPartnershipView })
  @ApiProblems({
    403: ['forbidden'],
    404: ['partnership_not_found'],
    409: ['member_removal_unconfirmed', 'partnership_name_taken'],
  })
  update(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: UpdatePartnershipDto) {
    return this.partnerships.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Delete a partnership (admin keys or the lead organisation's organisers); 409 while events belong to it.",
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems({ 403: ['forbidden'], 404: ['partnership_not_found'], 409: ['partnership_in_use'] })
  remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.partnerships.remove(actor, id);
  }
}
