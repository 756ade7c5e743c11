import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule, HttpConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  demoId,
  DemoError,
  DemoLoadResult,
  DemoModule,
  DemoProgrammeService,
  EXCHANGE_TRIP_2024,
  RecordCounts,
  STAEDTETAG_2022,
} from '@app/demo';

@Module({ imports: [AppConfigModule, DatabaseModule, DemoModule] })
class SeedDemoModule {}

/**
 * `npm run seed:demo`: loads the demo programme (again: it updates in place) and prints a fresh API
 * key per demo organisation, with calls to try them. Keys of an earlier run stop working.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedDemoModule, { logger: ['error', 'warn'] });
  try {
    const result = await app.get(DemoProgrammeService).load();
    const baseUrl = app.get(ConfigService).getOrThrow<HttpConfig>('http').publicBaseUrl;
    process.stdout.write(report(result, baseUrl));
  } catch (error) {
    if (error instanceof DemoError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await app.close();
  }
}

function report(result: DemoLoadResult, baseUrl: string): string {
  const counts = (label: string, counted: RecordCounts) =>
    `  ${label.padEnd(14)}${String(counted.total).padStart(4)}  (${counted.created} new, ${counted.updated} changed)`;
  const keyLines = result.keys.map(
    (key) => `  ${key.organisationCode.padEnd(6)}${key.role.padEnd(11)}${key.token}  ${key.organisationName}`,
  );
  const keyOf = (code: string) => result.keys.find((key) => key.organisationCode === code)?.token ?? '<key>';
  const arnsberg = keyOf('ARN');
  const morogoro = keyOf('MORO');
  return [
    'Demo programme loaded:',
    counts('organisations', result.organisations),
    counts('partnerships', result.partnerships),
    counts('people', result.people),
    counts('events', result.events),
    '',
    'API keys (a new set on every run; the previous demo keys no longer work):',
    ...keyLines,
    '',
    `Try them in Swagger: ${baseUrl}/docs -> Authorize -> paste a key. Or with curl:`,
    '',
    '  # the Städtetag Arnsberg–Sundern 2022 with its workshops, as Arnsberg sees it',
    `  curl -s -H "Authorization: Bearer ${arnsberg}" "${baseUrl}/api/v1/events?kind=city_day"`,
    '',
    '  # the exchange trip to Morogoro 2024 with flights across time zones, visits and accommodation',
    `  curl -s -H "Authorization: Bearer ${morogoro}" "${baseUrl}/api/v1/events/${demoId('event', EXCHANGE_TRIP_2024.key)}"`,
    '',
    '  # Morogoro may not change an event that only Arnsberg and Sundern host: 403',
    `  curl -s -X PATCH -H "Authorization: Bearer ${morogoro}" -H "Content-Type: application/json" \\`,
    `       -d '{"title":"Umbenannt"}' "${baseUrl}/api/v1/events/${demoId('event', STAEDTETAG_2022.key)}"`,
    '',
  ].join('\n');
}

void main();
