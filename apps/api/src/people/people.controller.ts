import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { PeopleService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { CreatePersonDto, PersonQueryDto, UpdatePersonDto } from './person.dto';

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
  list(@CurrentActor() actor: AuthenticatedKey, @Query() query: PersonQueryDto) {
    return this.people.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.people.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: UpdatePersonDto) {
    return this.people.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.people.remove(actor, id);
  }
}
