import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Response } from 'express';
import { catchError, Observable, of, throwError } from 'rxjs';
import { ImportFileProblem, importFileProblemOf, MAX_IMPORT_BYTES } from '@app/planning';
import { ConsoleRequest } from '../console-request';
import { CsrfGuard } from '../csrf.guard';
import { sendConsolePage } from '../send-console-page';
import { importFormPage } from './people-import.page';

/** The uploaded file as multer keeps it in memory. */
export interface UploadedCsv {
  buffer: Buffer;
}

/**
 * Reads an import's multipart form into memory: the file (preview), or the previewed file again
 * as a base64 field (confirmation). Multer stops reading at the limits.
 */
export const ImportUpload: Type<NestInterceptor> = FileInterceptor('file', {
  limits: {
    fileSize: MAX_IMPORT_BYTES,
    files: 1,
    fields: 3,
    fieldSize: Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4,
    parts: 4,
  },
});

/**
 * CsrfGuard's check for multipart forms: a guard runs before the body is read, so the token in
 * the form is checked once the upload interceptor has read it. The session is checked earlier,
 * by ConsoleSessionGuard, so that nobody signed out gets a file read at all.
 */
@Injectable()
export class CsrfAfterUpload implements NestInterceptor {
  constructor(private readonly csrf: CsrfGuard) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.csrf.canActivate(context);
    return next.handle();
  }
}

/**
 * A file refused as a whole (too large, no text, no header…) brings the upload form back with
 * what was wrong, whether multer refused it while reading or the planning rules afterwards.
 */
@Injectable()
export class ImportFileProblems implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const problem = uploadProblemOf(error);
        const http = context.switchToHttp();
        const session = http.getRequest<ConsoleRequest>().consoleSession;
        if (!problem || !session) return throwError(() => error);
        const status = problem === 'too_large' ? 413 : 400;
        sendConsolePage(http.getResponse<Response>(), status, importFormPage(session, problem));
        return of(undefined);
      }),
    );
  }
}

function uploadProblemOf(error: unknown): ImportFileProblem | null {
  if (error instanceof PayloadTooLargeException) return 'too_large';
  // Multer's other refusals: a malformed multipart body, more parts or fields than a form has.
  if (error instanceof BadRequestException) return 'unreadable';
  return importFileProblemOf(error);
}
