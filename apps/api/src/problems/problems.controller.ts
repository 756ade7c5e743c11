import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/access';
import { ApiProblems } from './api-problems.decorator';
import { problemsPage } from './problems.page';
import { PROBLEMS_PATH } from './problems';

@Public()
@ApiTags('problems')
@ApiProduces('text/html')
@Controller(PROBLEMS_PATH)
export class ProblemsController {
  private readonly page = problemsPage().value;

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'What each error code means: the page the `type` of every problem links to.' })
  @ApiOkResponse({ description: 'An HTML page with one anchor per code.', schema: { type: 'string' } })
  @ApiProblems({})
  show(): string {
    return this.page;
  }
}
