import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { AuditLog, auditEntryView } from '@app/audit';
import { CurrentActor } from '../http/current-actor.decorator';
import { AuditPageDto, AuditQueryDto } from './audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
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
  async list(@CurrentActor() actor: AuthenticatedKey, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.log.list(actor, {
      ...query,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    });
    return { items: page.items.map(auditEntryView), nextCursor: page.nextCursor };
  }
}
