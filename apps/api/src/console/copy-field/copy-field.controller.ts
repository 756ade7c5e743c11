import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '@app/access';
import { sendConsoleScript } from '../send-console-script';

/**
 * Read once: a small static script, copied beside the build by nest-cli's assets. Named apart from
 * copy-field.ts, whose build output is copy-field.js and which Node would load for it.
 */
const SCRIPT = readFileSync(join(__dirname, 'copy-field.script.js'), 'utf8');

/** The console's own script for copy buttons, served under `script-src 'self'`. */
@Public()
@ApiExcludeController()
@Controller('console/scripts')
export class CopyFieldController {
  @Get('copy-field.js')
  script(@Res() response: Response): void {
    sendConsoleScript(response, SCRIPT);
  }
}
