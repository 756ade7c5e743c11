import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { PlanningModule } from '@app/planning';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CsrfGuard } from '../csrf.guard';
import { CsrfAfterUpload, ImportFileProblems } from './import-upload';
import { PeopleImportController } from './people-import.controller';
import { PeopleController } from './people.controller';

/** The console's People screen: the organisation's people, and importing them from CSV files. */
@Module({
  imports: [AccountsModule, PlanningModule],
  // The import's routes first: /console/people/import is not a person's id.
  controllers: [PeopleImportController, PeopleController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, CsrfAfterUpload, ImportFileProblems],
})
export class ConsolePeopleModule {}
