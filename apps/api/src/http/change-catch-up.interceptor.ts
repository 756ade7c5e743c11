import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request } from 'express';
import { catchError, concatMap, Observable } from 'rxjs';
import { ChangeVersion } from '@app/database';

const READING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that may have written is answered only once this process counts its change (see
 * ChangeVersion.catchUp): the client's next request here, for a feed, an event list or with a
 * just revoked key, then sees it. Failed writes catch up too, since a request can fail after a
 * commit. Handlers that write the response themselves (the answer form) catch up on their own.
 */
@Injectable()
export class ChangeCatchUpInterceptor implements NestInterceptor {
  constructor(private readonly changes: ChangeVersion) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    if (READING_METHODS.has(context.switchToHttp().getRequest<Request>().method)) return next.handle();
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        await this.changes.catchUp();
        return value;
      }),
      catchError(async (error: unknown) => {
        await this.changes.catchUp();
        throw error;
      }),
    );
  }
}
