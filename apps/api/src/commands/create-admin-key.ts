import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { AccessModule, AccessError, ApiKeysService } from '@app/access';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { isValidTimeZone } from '@app/planning';

@Module({ imports: [AppConfigModule, DatabaseModule, AccessModule] })
class CreateAdminKeyModule {}

/**
 * `npm run keys:first-admin -- [--name "…"] [--code OPS] [--country DE] [--zone Europe/Berlin]`
 * Creates the first admin key of an empty installation and prints it once.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string', default: 'Treffpunkt operators' },
      code: { type: 'string', default: 'OPS' },
      country: { type: 'string', default: 'DE' },
      zone: { type: 'string', default: 'Europe/Berlin' },
    },
  });
  if (!isValidTimeZone(values.zone)) throw new Error(`--zone ${values.zone} is not an IANA time zone`);
  const app = await NestFactory.createApplicationContext(CreateAdminKeyModule, { logger: ['error', 'warn'] });
  try {
    const issued = await app.get(ApiKeysService).issueFirstAdmin({
      organisationName: values.name,
      organisationCode: values.code,
      country: values.country,
      timeZone: values.zone,
    });
    process.stdout.write(
      `First admin key (shown once, store it now):\n\n  ${issued.token}\n\nUse it as "Authorization: Bearer <key>".\n`,
    );
  } catch (error) {
    if (error instanceof AccessError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await app.close();
  }
}

void main();
