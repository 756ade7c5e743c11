import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { InvitationsModule } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { PARTICIPANT_COLUMN_SOURCES } from './participant-columns';
import { ParticipantExports } from './participant-export.service';
import { ProgrammePrints } from './programme-prints.service';

/**
 * Participant lists (CSV, XLSX) and printed programmes (PDF). Owns no table: it reads through
 * planning and invitations, and is the only importer of exceljs.
 */
@Module({
  imports: [PlanningModule, InvitationsModule, AuditModule],
  providers: [
    ParticipantExports,
    ProgrammePrints,
    // Further columns (registration answers) join here, as providers of this token.
    { provide: PARTICIPANT_COLUMN_SOURCES, useValue: [] },
  ],
  exports: [ParticipantExports, ProgrammePrints],
})
export class ExportsModule {}
