import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { OrganisationsService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CreateOrganisationDto, OrganisationQueryDto, UpdateOrganisationDto } from './organisation.dto';
import { OrganisationPage, OrganisationView } from './organisation.view';

@ApiTags('organisations')
@ApiKeyAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an organisation (admin keys only).' })
  @ApiCreatedResponse({ type: OrganisationView })
  @ApiProblems({ 403: ['forbidden'], 409: ['organisation_code_taken'] })
  create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreateOrganisationDto) {
    return this.organisations.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'List organisations, by name.' })
  @ApiOkResponse({ type: OrganisationPage })
  @ApiProblems({})
  list(@Query() query: OrganisationQueryDto) {
    return this.organisations.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organisation.' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiProblems({ 404: ['organisation_not_found'] })
  get(@IdParam() id: string) {
    return this.organisations.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an organisation (admins, or organisers of that organisation).' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiProblems({ 403: ['forbidden'], 404: ['organisation_not_found'], 409: ['organisation_code_taken'] })
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
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems({ 403: ['forbidden'], 404: ['organisation_not_found'], 409: ['organisation_in_use'] })
  remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.organisations.remove(actor, id);
  }
}
