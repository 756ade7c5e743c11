import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeysService, AuthenticatedKey } from '@app/access';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { ApiKeyView, CreateApiKeyDto, CurrentKeyView, IssuedApiKeyView, toApiKeyView } from './api-key.dto';

@ApiTags('api-keys')
@ApiKeyAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Issue a key (admin only). The key is in the answer once and never again.' })
  @ApiCreatedResponse({ type: IssuedApiKeyView })
  @ApiProblems({ 403: ['forbidden'] })
  async create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreateApiKeyDto) {
    const issued = await this.apiKeys.issue(actor, body);
    return { ...toApiKeyView(issued.apiKey), key: issued.token };
  }

  @Get()
  @ApiOperation({ summary: "List keys (admins: all; others: their organisation's), without secrets." })
  @ApiOkResponse({ type: [ApiKeyView] })
  @ApiProblems({})
  async list(@CurrentActor() actor: AuthenticatedKey) {
    return (await this.apiKeys.list(actor)).map(toApiKeyView);
  }

  @Get('me')
  @ApiOperation({ summary: 'Which organisation and role the key in use has.' })
  @ApiOkResponse({ type: CurrentKeyView })
  @ApiProblems({})
  me(@CurrentActor() actor: AuthenticatedKey) {
    return actor;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a key (admin only); it stops working at once.' })
  @ApiOkResponse({ type: ApiKeyView, description: 'The revoked key.' })
  @ApiProblems({ 403: ['forbidden'], 404: ['api_key_not_found'] })
  async revoke(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toApiKeyView(await this.apiKeys.revoke(actor, id));
  }
}
