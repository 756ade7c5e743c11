import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  update(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: UpdatePartnershipDto) {
    return this.partnerships.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.partnerships.remove(actor, id);
  }
}
