import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { PartnershipsService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { CreatePartnershipDto, PartnershipQueryDto, UpdatePartnershipDto } from './partnership.dto';

@ApiTags('partnerships')
@ApiBearerAuth()
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Post()
  create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreatePartnershipDto) {
    return this.partnerships.create(actor, body);
  }

  @Get()
  list(@Query() query: PartnershipQueryDto) {
    return this.partnerships.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.partnerships.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      "Change a partnership; members and lead only by an admin key or the partnership's lead organisation.",
    description:
      "Any member organisation's organisers change name and description. Adding or removing members and handing on the lead need an admin key or the lead organisation (403 otherwise); the lead must stay a member (400). Removing members needs `confirmMemberRemoval: true` (see 409). The answer is the partnership with `memberChanges`: the organisations added, and per removed organisation what it lost.",
  })
  @ApiConflictResponse({
    description:
      "`member_removal_unconfirmed`: nothing was changed; `details.removedMembers` lists per removed organisation the internal events its keys would no longer see and how many of its people hold invitations to the partnership's events. `partnership_name_taken`: another partnership has the name.",
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
  remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.partnerships.remove(actor, id);
  }
}
