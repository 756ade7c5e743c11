import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/access';
import { problemsPage } from './problems.page';
import { PROBLEMS_PATH } from './problems';

@Public()
@ApiExcludeController()
@Controller(PROBLEMS_PATH)
export class ProblemsController {
  private readonly page = problemsPage().value;

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  show(): string {
    return this.page;
  }
}
