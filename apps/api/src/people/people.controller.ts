import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { PeopleService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { CreatePersonDto, PersonQueryDto, UpdatePersonDto } from './person.dto';
import { PEOPLE_VISIBILITY_RULE, PersonViewDto } from './person.view';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreatePersonDto) {
    return this.people.create(actor, body);
  }

  @Get()
  @ApiOperation({
    summary: 'People the key may see, by name.',
    description: `${PEOPLE_VISIBILITY_RULE} Filtering by another organisation lists its people the key may see, by name only. \`q\` matches names of everyone listed and email addresses only of the key's own people; \`department\` filters the key's own people only.`,
  })
  @ApiOkResponse({ description: 'A page: `items` (people) and `nextCursor`.' })
  list(@CurrentActor() actor: AuthenticatedKey, @Query() query: PersonQueryDto) {
    return this.people.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A person as the key may see them; 404 for people it may not see.',
    description: PEOPLE_VISIBILITY_RULE,
  })
  @ApiOkResponse({ type: PersonViewDto })
  get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.people.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a person (organisers of the person's organisation, admins).",
    description: '403 for a person the key sees but does not manage, 404 for one it may not see.',
  })
  update(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: UpdatePersonDto) {
    return this.people.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.people.remove(actor, id);
  }
}
