import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { AuditLog, auditEntryView } from '@app/audit';
import { CurrentActor } from '../http/current-actor.decorator';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { AuditPageDto, AuditQueryDto } from './audit.dto';

@ApiTags('audit')
@ApiKeyAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  @ApiOperation({
    summary: 'Who changed what and when, newest first',
    description:
      "Per organisation (organisationId) or per record (recordType and recordId), narrowed by action, actor and time. Admin keys read every entry; organiser keys the entries that concern their organisation (an event's host and co-hosts, a partnership's members, a person's or key's organisation); viewer keys none (403). Personal fields appear as changed, never with their values.",
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems({ 403: ['forbidden'] })
  async list(@CurrentActor() actor: AuthenticatedKey, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.log.list(actor, {
      ...query,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    });
    return { items: page.items.map(auditEntryView), nextCursor: page.nextCursor };
  }
}
