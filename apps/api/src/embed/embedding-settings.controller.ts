import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { EmbeddingOriginsService, OrganisationsService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { IdParam } from '../http/id.param';
import { EmbeddingOriginsDto } from './embedding-settings.dto';
import { EmbeddingSettingsView, EmbeddingSnippets } from './embedding-snippets';

const SETTINGS_SCHEMA = {
  type: 'object',
  required: ['organisationId', 'origins', 'snippets', 'urls'],
  properties: {
    organisationId: { type: 'string', format: 'uuid' },
    origins: { type: 'array', items: { type: 'string', example: 'https://www.arnsberg.de' } },
    snippets: {
      type: 'object',
      required: ['script', 'iframe'],
      properties: { script: { type: 'string' }, iframe: { type: 'string' } },
    },
    urls: {
      type: 'object',
      required: ['widget', 'iframe', 'calendar', 'rss', 'atom'],
      properties: Object.fromEntries(
        ['widget', 'iframe', 'calendar', 'rss', 'atom'].map((name) => [
          name,
          { type: 'string', format: 'uri' },
        ]),
      ),
    },
  },
};

/** Which sites may embed an organisation's public calendar, and the snippets to paste; docs/embedding.md. */
@ApiTags('embedding')
@ApiBearerAuth()
@Controller('organisations/:id/embedding')
export class EmbeddingSettingsController {
  constructor(
    private readonly origins: EmbeddingOriginsService,
    private readonly organisations: OrganisationsService,
    private readonly snippets: EmbeddingSnippets,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The origins that may embed the calendar, with the script and iframe snippets to paste.',
    description: "Admin keys, and the organisation's own keys of every role.",
  })
  @ApiOkResponse({ schema: SETTINGS_SCHEMA })
  @ApiProblems({ 403: ['forbidden'], 404: ['organisation_not_found'] })
  async get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string): Promise<EmbeddingSettingsView> {
    const origins = await this.origins.list(actor, id);
    return this.snippets.settings(await this.organisations.get(id), origins);
  }

  @Put('origins')
  @ApiOperation({
    summary: 'Replace the origins that may embed the calendar (admin keys only; audited).',
    description:
      'Each origin is scheme, host and optional port, e.g. https://www.arnsberg.de; paths, wildcards and credentials are refused.',
  })
  @ApiOkResponse({ schema: SETTINGS_SCHEMA })
  @ApiProblems({ 403: ['forbidden'], 404: ['organisation_not_found'] })
  async replace(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Body() body: EmbeddingOriginsDto,
  ): Promise<EmbeddingSettingsView> {
    const origins = await this.origins.replace(actor, id, body.origins);
    return this.snippets.settings(await this.organisations.get(id), origins);
  }
}
