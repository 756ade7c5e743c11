import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { PeopleImportService, PeopleService, PlanningError } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { CreatePersonDto, PersonQueryDto, UpdatePersonDto } from './person.dto';
import { ImportReportDto, PeopleImportQueryDto } from './people-import.dto';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import {
  ErasureReportDto,
  PEOPLE_VISIBILITY_RULE,
  PersonExportDto,
  PersonPage,
  PersonViewDto,
} from './person.view';

@ApiTags('people')
@ApiKeyAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly imports: PeopleImportService,
  ) {}

  @Post()
  @ApiOperation({ summary: "Add a person to the key's organisation (or, for admin keys, any or none)." })
  @ApiCreatedResponse({ type: PersonViewDto })
  @ApiProblems({ 403: ['forbidden'], 409: ['email_taken'] })
  create(@CurrentActor() actor: AuthenticatedKey, @Body() body: CreatePersonDto) {
    return this.people.create(actor, body);
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: "Import people from a CSV file into the key's organisation.",
    description:
      'The file as the body (`Content-Type: text/csv`, at most 1 MB and 5,000 rows): UTF-8 with or without BOM, comma or semicolon separated, a header row naming `name` and `email` and optionally `language`, `timeZone` and `department` (German and English header names work too). ' +
      'A person whose email is already in the organisation is updated; rows with errors are skipped and say why. `dryRun=true` stores nothing. All valid rows are stored in one transaction; audited like adding people one by one. Organiser and admin keys only.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiProblems({
    400: ['invalid_input', 'import_file_invalid'],
    403: ['forbidden'],
    409: ['import_outdated'],
    413: ['invalid_input'],
  })
  async import(
    @CurrentActor() actor: AuthenticatedKey,
    @Query() query: PeopleImportQueryDto,
    @Body() file: unknown,
  ): Promise<ImportReportDto> {
    if (!Buffer.isBuffer(file)) {
      throw PlanningError.invalid(
        'body',
        'Send the CSV file as the request body, with Content-Type: text/csv.',
      );
    }
    const preview = await this.imports.preview(actor, file);
    if (query.dryRun) return { ...preview, imported: null };
    const imported = await this.imports.confirm(actor, file, query.fingerprint ?? preview.fingerprint);
    return { ...preview, imported };
  }

  @Get()
  @ApiOperation({
    summary: 'People the key may see, by name.',
    description: `${PEOPLE_VISIBILITY_RULE} Filtering by another organisation lists its people the key may see, by name only. \`q\` matches names of everyone listed and email addresses only of the key's own people; \`department\` filters the key's own people only.`,
  })
  @ApiOkResponse({ type: PersonPage })
  @ApiProblems({})
  list(@CurrentActor() actor: AuthenticatedKey, @Query() query: PersonQueryDto) {
    return this.people.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A person as the key may see them; 404 for people it may not see.',
    description: PEOPLE_VISIBILITY_RULE,
  })
  @ApiOkResponse({ type: PersonViewDto })
  @ApiProblems({ 404: ['person_not_found'] })
  get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.people.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a person (organisers of the person's organisation, admins).",
    description: '403 for a person the key sees but does not manage, 404 for one it may not see.',
  })
  @ApiOkResponse({ type: PersonViewDto })
  @ApiProblems({ 403: ['forbidden'], 404: ['person_not_found'], 409: ['email_taken'] })
  update(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: UpdatePersonDto) {
    return this.people.update(actor, id, body);
  }

  @Get(':id/export')
  @ApiOperation({
    summary: 'Everything stored about a person, as JSON (GDPR access and portability).',
    description:
      "The person record, their invitations with answers and workshop choices, the emails sent to them with status and times, and their feed token's state (never its secret). For organisers of the person's organisation and admins; 404 for keys that may not see the person's contact data, 403 for viewer keys of the person's organisation.",
  })
  @ApiOkResponse({ type: PersonExportDto })
  @ApiProblems({ 403: ['forbidden'], 404: ['person_not_found'] })
  export(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.people.export(actor, id);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Erase a person (GDPR erasure): removes their personal data, keeps anonymous counts.',
    description:
      "The person record, their feed tokens and answer links go. Their invitations and emails stay as anonymous rows, so that an event's answer counts and email states stay right; emails still waiting to be sent to them are skipped. Seats they held in events still ahead go to the waitlist, with the usual email to whoever gets one. Answers with what was erased, in counts. For organisers of the person's organisation and admins, as export.",
  })
  @ApiOkResponse({ type: ErasureReportDto })
  @ApiProblems({ 403: ['forbidden'], 404: ['person_not_found'] })
  erase(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.people.erase(actor, id);
  }
}
