import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AccountsModule, AccountsService, MemberSeed, SignInService } from '@app/accounts';
import { AppConfigModule, HttpConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  demoId,
  DemoError,
  DemoLoadResult,
  DemoModule,
  DemoProgrammeService,
  PARTNERSHIP_MEETING_2027_01,
  RecordCounts,
  STAEDTETAG_2027,
} from '@app/demo';

@Module({ imports: [AppConfigModule, DatabaseModule, DemoModule, AccountsModule] })
class SeedDemoModule {}

/** The demo organisers who sign in to the console: an admin of Arnsberg and one of Morogoro. */
const DEMO_ORGANISERS: Array<Omit<MemberSeed, 'organisationId'> & { organisationCode: string }> = [
  {
    organisationCode: 'ARN',
    email: 'k.wegener@arnsberg.example',
    name: 'Katrin Wegener',
    language: 'de',
    timeZone: 'Europe/Berlin',
    role: 'admin',
  },
  {
    organisationCode: 'MORO',
    email: 'grace.massawe@morogoro-mc.example',
    name: 'Grace Massawe',
    language: 'en',
    timeZone: 'Africa/Dar_es_Salaam',
    role: 'admin',
  },
];

interface ConsoleSignIn {
  name: string;
  organisationCode: string;
  link: string;
}

/** Makes the demo organisers members (once) and a fresh one-time sign-in link for each (every run). */
async function consoleSignIns(
  accounts: AccountsService,
  signIn: SignInService,
  result: DemoLoadResult,
): Promise<ConsoleSignIn[]> {
  const signIns: ConsoleSignIn[] = [];
  for (const organiser of DEMO_ORGANISERS) {
    const organisationId = result.keys.find(
      (key) => key.organisationCode === organiser.organisationCode,
    )?.organisationId;
    if (!organisationId) continue;
    await accounts.ensureMember({ ...organiser, organisationId });
    signIns.push({
      name: organiser.name,
      organisationCode: organiser.organisationCode,
      link: await signIn.linkFor(organiser.email),
    });
  }
  return signIns;
}

/**
 * `npm run seed:demo`: loads the demo programme (again: it updates in place) and prints the console's
 * URL with a one-time sign-in link per demo organiser, a fresh API key per demo organisation and
 * fresh personal feed URLs of two participants, with calls to try them. Keys and feed URLs of an
 * earlier run stop working.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedDemoModule, { logger: ['error', 'warn'] });
  try {
    const result = await app.get(DemoProgrammeService).load();
    const baseUrl = app.get(ConfigService).getOrThrow<HttpConfig>('http').publicBaseUrl;
    const signIns = await consoleSignIns(app.get(AccountsService), app.get(SignInService), result);
    process.stdout.write(report(result, baseUrl, signIns));
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

function report(result: DemoLoadResult, baseUrl: string, signIns: ConsoleSignIn[]): string {
  const counts = (label: string, counted: RecordCounts) =>
    `  ${label.padEnd(16)}${String(counted.total).padStart(4)}  (${counted.created} new, ${counted.updated} changed)`;
  const keyLines = result.keys.map(
    (key) => `  ${key.organisationCode.padEnd(6)}${key.role.padEnd(11)}${key.token}  ${key.organisationName}`,
  );
  const feedLines = result.personalFeeds.flatMap((person) => [
    `  ${person.name} (${person.organisationCode}, ${person.timeZone})`,
    `    ${person.feed.url}`,
    `    ${person.feed.webcal}`,
  ]);
  const keyOf = (code: string) => result.keys.find((key) => key.organisationCode === code);
  const arnsberg = keyOf('ARN')?.token ?? '<key>';
  const morogoro = keyOf('MORO');
  const meeting = `${baseUrl}/api/v1/events/${demoId('event', PARTNERSHIP_MEETING_2027_01.key)}`;
  const auth = `-H "Authorization: Bearer ${arnsberg}"`;
  const json = `${auth} -H "Content-Type: application/json"`;
  return [
    'Demo programme loaded:',
    counts('organisations', result.organisations),
    counts('partnerships', result.partnerships),
    counts('people', result.people),
    counts('events', result.events),
    counts('invitations', result.invitations),
    counts('workshop seats', result.workshopChoices),
    '',
    `Organiser console: ${baseUrl}/console`,
    'One-time sign-in links (valid 15 minutes, once; every start prints new ones):',
    ...signIns.map(
      (signIn) => `  ${signIn.organisationCode.padEnd(6)}${signIn.name.padEnd(17)}${signIn.link}`,
    ),
    '',
    'API keys (a new set on every run; the previous demo keys no longer work):',
    ...keyLines,
    '',
    'Personal feeds: subscribe in a calendar app (new URLs on every run; the previous ones no longer work):',
    ...feedLines,
    '',
    `Try them in Swagger: ${baseUrl}/docs -> Authorize -> paste a key. Or with curl:`,
    '',
    '  # upcoming events, as Arnsberg sees them',
    `  curl -s ${auth} "${baseUrl}/api/v1/events?topLevel=true&from=${new Date().toISOString()}"`,
    '',
    `  # invite the Morogoro delegation (organisation ${morogoro?.organisationId ?? '<id>'}) to the`,
    `  # virtual partnership meeting on 19 January 2027; their emails arrive in the mail inbox`,
    `  curl -s -X POST ${json} \\`,
    `       -d '{"organisationIds":["${morogoro?.organisationId ?? '<id>'}"]}' "${meeting}/invitations"`,
    '',
    '  # the answers, as the organiser sees them',
    `  curl -s ${auth} "${meeting}/invitations"`,
    '',
    '  # move the meeting by two hours: the personal feeds and the invitees follow',
    `  curl -s -X PATCH ${json} \\`,
    `       -d '{"startsAt":"2027-01-19T12:00","endsAt":"2027-01-19T13:30"}' "${meeting}"`,
    '',
    '  # Morogoro may not change an event that only Sundern and Arnsberg host: 403',
    `  curl -s -X PATCH -H "Authorization: Bearer ${morogoro?.token ?? '<key>'}" -H "Content-Type: application/json" \\`,
    `       -d '{"title":"Umbenannt"}' "${baseUrl}/api/v1/events/${demoId('event', STAEDTETAG_2027.key)}"`,
    '',
  ].join('\n');
}

void main();
