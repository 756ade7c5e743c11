import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { OrganisationsService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { CreateOrganisationDto, OrganisationQueryDto, UpdateOrganisationDto } from './organisation.dto';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an organisation (admin keys only).' })
  create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreateOrganisationDto) {
    return this.organisations.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'List organisations, by name.' })
  list(@Query() query: OrganisationQueryDto) {
    return this.organisations.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.organisations.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an organisation (admins, or organisers of that organisation).' })
  update(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Body() body: UpdateOrganisationDto,
  ) {
    return this.organisations.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an organisation that hosts no events and has no people (admin keys only).',
  })
  remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.organisations.remove(actor, id);
  }
}
