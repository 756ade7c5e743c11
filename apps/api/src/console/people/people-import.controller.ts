import {
  Body,
  Controller,
  Get,
  Post,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { ConsoleSession } from '@app/accounts';
import { PeopleImportService, PlanningError } from '@app/planning';
import { ConsolePageFilter } from '../console-page.filter';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { CsrfAfterUpload, ImportFileProblems, ImportUpload, UploadedCsv } from './import-upload';
import { ImportConfirmFormDto } from './people-forms.dto';
import { importFormPage, importPreviewPage } from './people-import.page';
import { PEOPLE_PATH } from './people.page';
import { assertMayChangePeople } from './people-roles';

/**
 * People → Import: upload a CSV file, see per row what would happen, confirm. Nothing is kept
 * between the steps: the preview page carries the file to the confirmation, and the planning
 * rules check that the people it matched are as previewed.
 */
@Public()
@ApiExcludeController()
@UseFilters(ConsolePageFilter)
@UseGuards(ConsoleSessionGuard)
@Controller('console/people/import')
export class PeopleImportController {
  constructor(private readonly imports: PeopleImportService) {}

  @Get()
  form(@CurrentSession() session: ConsoleSession, @Res() response: Response): void {
    assertMayChangePeople(session);
    sendConsolePage(response, 200, importFormPage(session, null));
  }

  @Post()
  @UseInterceptors(ImportFileProblems, ImportUpload, CsrfAfterUpload)
  async preview(
    @CurrentSession() session: ConsoleSession,
    @UploadedFile() upload: UploadedCsv | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const file = upload?.buffer ?? Buffer.alloc(0);
    const preview = await this.imports.preview(session.actor, file);
    sendConsolePage(response, 200, importPreviewPage({ session, preview, file, outdated: false }));
  }

  @Post('confirm')
  @UseInterceptors(ImportFileProblems, ImportUpload, CsrfAfterUpload)
  async confirm(
    @CurrentSession() session: ConsoleSession,
    @Body() form: ImportConfirmFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const file = Buffer.from(form.content, 'base64');
    try {
      const result = await this.imports.confirm(session.actor, file, form.fingerprint);
      const counts = [result.created, result.updated, result.unchanged, result.skipped].join(',');
      response.redirect(303, `${PEOPLE_PATH}?imported=${counts}`);
    } catch (error) {
      if (!(error instanceof PlanningError && error.code === 'import_outdated')) throw error;
      const preview = await this.imports.preview(session.actor, file);
      sendConsolePage(response, 409, importPreviewPage({ session, preview, file, outdated: true }));
    }
  }
}
