import { Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { FeedTokensService, IssuedFeedToken, RateLimiter } from '@app/feeds';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { ApiProblem } from '../problems/problems';
import { FeedTokenStatusView, IssuedFeedTokenView } from './feed-link.view';

const CHANGES_PER_KEY_AND_HOUR = 60;

/** A person's personal feed URL: issued, rotated and revoked by their organisation's organisers; 404 for other organisations. */
@ApiTags('calendar feeds')
@ApiKeyAuth()
@Controller('people/:id/feed-token')
export class FeedTokensController {
  constructor(
    private readonly tokens: FeedTokensService,
    private readonly limiter: RateLimiter,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Whether the person has a personal feed URL (the URL itself is shown only once).',
    description:
      "Feed settings are personal data: keys of other organisations than the person's get 404, as for an unknown person.",
  })
  @ApiOkResponse({ type: FeedTokenStatusView })
  @ApiProblems({ 404: ['person_not_found'] })
  status(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.tokens.status(actor, id);
  }

  @Post()
  @ApiOperation({
    summary: 'Issue the personal feed URL; the answer is the only time it is shown.',
    description: '409 if the person has one already: rotate it instead.',
  })
  @ApiCreatedResponse({ type: IssuedFeedTokenView })
  @ApiProblems({
    403: ['forbidden'],
    404: ['person_not_found'],
    409: ['feed_token_exists'],
    429: ['too_many_attempts'],
  })
  async issue(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    await this.limit(actor);
    return toView(await this.tokens.issue(actor, id));
  }

  @Post('rotate')
  @ApiOperation({ summary: 'Replace the personal feed URL; the old one stops working at once.' })
  @ApiCreatedResponse({ type: IssuedFeedTokenView })
  @ApiProblems({ 403: ['forbidden'], 404: ['person_not_found'], 429: ['too_many_attempts'] })
  async rotate(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    await this.limit(actor);
    return toView(await this.tokens.rotate(actor, id));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the personal feed URL; it then answers 404 like any unknown one.' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiProblems({
    403: ['forbidden'],
    404: ['person_not_found', 'feed_token_not_found'],
    429: ['too_many_attempts'],
  })
  async revoke(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    await this.limit(actor);
    await this.tokens.revoke(actor, id);
  }

  private async limit(actor: AuthenticatedKey): Promise<void> {
    const hits = await this.limiter.hit(`feed-token-changes:${actor.keyId}`, 60 * 60);
    if (hits > CHANGES_PER_KEY_AND_HOUR) {
      throw new ApiProblem(
        HttpStatus.TOO_MANY_REQUESTS,
        'too_many_attempts',
        'Too many feed token changes with this API key; try again within the hour.',
      );
    }
  }
}

function toView(issued: IssuedFeedToken): IssuedFeedTokenView {
  return { personId: issued.personId, createdAt: issued.createdAt.toISOString(), ...issued.feed };
}
