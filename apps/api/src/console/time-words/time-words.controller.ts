import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '@app/access';
import { sendConsoleScript } from '../send-console-script';

/** Read once; named apart from time-words.ts, whose build output Node would load for time-words.js. */
const SCRIPT = readFileSync(join(__dirname, 'time-words.script.js'), 'utf8');

/** The console's script for the words under date fields, served under `script-src 'self'`. */
@Public()
@ApiExcludeController()
@Controller('console/scripts')
export class TimeWordsController {
  @Get('time-words.js')
  script(@Res() response: Response): void {
    sendConsoleScript(response, SCRIPT);
  }
}
