import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { InvitationsModule } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { RegistrationModule } from '@app/registration';
import { PARTICIPANT_COLUMN_SOURCES } from './participant-columns';
import { ParticipantExports } from './participant-export.service';
import { ProgrammePrints } from './programme-prints.service';
import { RegistrationColumns } from './registration-columns';

/**
 * Participant lists (CSV, XLSX) and printed programmes (PDF). Owns no table: it reads through
 * planning and invitations, and is the only importer of exceljs.
 */
@Module({
  imports: [PlanningModule, InvitationsModule, AuditModule, RegistrationModule],
  providers: [
    ParticipantExports,
    ProgrammePrints,
    RegistrationColumns,
    // Further columns join here, in the order they follow the export's own.
    {
      provide: PARTICIPANT_COLUMN_SOURCES,
      useFactory: (registration: RegistrationColumns) => [registration],
      inject: [RegistrationColumns],
    },
  ],
  exports: [ParticipantExports, ProgrammePrints],
})
export class ExportsModule {}
