import { Get, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { AuditLog } from '@app/audit';
import { DomainError } from '@app/errors';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { auditPage } from './audit-settings.page';
import { AuditQueryDto } from './settings-forms.dto';

const ENTRIES_PER_PAGE = 50;

/**
 * Settings → Audit trail: the newest entries that concern the organisation, paged with the audit
 * lib's cursor. AuditLog decides who reads it; viewers are told so, with 403.
 */
@ConsoleScreen('console/settings/audit')
export class AuditSettingsController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  async show(
    @CurrentSession() session: ConsoleSession,
    @Query() query: AuditQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { actor } = session;
    const view = { session, action: query.action, cursor: query.cursor };
    try {
      const page = await this.log.list(actor, {
        organisationId: actor.organisationId,
        action: query.action,
        cursor: query.cursor,
        limit: ENTRIES_PER_PAGE,
      });
      sendConsolePage(response, 200, auditPage({ ...view, entries: page.items, nextCursor: page.nextCursor }));
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'forbidden')) throw error;
      sendConsolePage(response, 403, auditPage({ ...view, entries: null, nextCursor: null }));
    }
  }
}
