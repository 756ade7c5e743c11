import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '@app/access';

/** Read once; named apart from time-words.ts, whose build output Node would load for time-words.js. */
const SCRIPT = readFileSync(join(__dirname, 'time-words.script.js'), 'utf8');
const SCRIPT_CACHE_SECONDS = 60 * 60;

/** The console's script for the words under date fields, served under `script-src 'self'`. */
@Public()
@ApiExcludeController()
@Controller('console/scripts')
export class TimeWordsController {
  @Get('time-words.js')
  script(@Res() response: Response): void {
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', `public, max-age=${SCRIPT_CACHE_SECONDS}`);
    response.send(SCRIPT);
  }
}
