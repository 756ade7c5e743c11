import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/access';
import { ConsolePageFilter } from './console-page.filter';
import { ConsoleSessionGuard } from './console-session.guard';
import { CsrfGuard } from './csrf.guard';

/**
 * A screen of the console at `path`: it is signed in by the session cookie rather than an API key
 * (hence Public to the API's guard), stays out of the OpenAPI document, fails as the console's
 * error page, and takes forms only with the session's CSRF token (GET requests pass that guard).
 */
export function ConsoleScreen(path: string): ClassDecorator {
  return applyDecorators(
    Public(),
    ApiExcludeController(),
    UseFilters(ConsolePageFilter),
    UseGuards(ConsoleSessionGuard, CsrfGuard),
    Controller(path),
  );
}
