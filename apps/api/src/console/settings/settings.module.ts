import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { AccountsModule } from '@app/accounts';
import { AuditModule } from '@app/audit';
import { PlanningModule } from '@app/planning';
import { WebhooksModule } from '@app/webhooks';
import { EmbeddingSnippets } from '../../embed/embedding-snippets';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CsrfGuard } from '../csrf.guard';
import { ApiKeysSettingsController } from './api-keys-settings.controller';
import { AuditSettingsController } from './audit-settings.controller';
import { EmbeddingScreenController } from './embedding-settings.controller';
import { OrganisationSettingsController } from './organisation-settings.controller';
import { WebhooksSettingsController } from './webhooks-settings.controller';

/** The console's Settings: my organisation, API keys, webhooks, the audit trail and embedding (Team is team/). */
@Module({
  imports: [AccountsModule, PlanningModule, AccessModule, WebhooksModule, AuditModule],
  controllers: [
    OrganisationSettingsController,
    ApiKeysSettingsController,
    WebhooksSettingsController,
    AuditSettingsController,
    EmbeddingScreenController,
  ],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, EmbeddingSnippets],
})
export class SettingsModule {}
