import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  demoId,
  DemoLoadResult,
  DemoModule,
  DemoProgrammeService,
  PARTNERSHIP_MEETING_2027_01,
} from '@app/demo';
import { InvitationsService } from '@app/invitations';
import { ApiHarness, startApi } from './api-harness';

/**
 * Runs the shell commands the README and docs/ show, so that they cannot go stale: the curl steps
 * of the walk-through against a listening API with the demo programme loaded, checked against the
 * outputs the docs claim (a `# {…}` or `# 303` comment below a command, the iCalendar lines named
 * in backticks after a block). Every command is either run here or listed in NOT_RUN with the
 * reason; a new command in the docs fails this suite until it is one or the other.
 */

const root = path.resolve(__dirname, '..');
/** The URL the docs use; commands are sent to the test's API instead. */
const DOCS_BASE_URL = 'http://localhost:3000';

/** Commands this suite does not run, by their first words, and why. */
const NOT_RUN: Array<{ command: RegExp; reason: string }> = [
  {
    command: /^npm start\b/,
    reason: 'starts services and blocks until Ctrl-C; scripts/start.sh is what it runs',
  },
  { command: /^npm test\b/, reason: 'is the run this suite is part of' },
  {
    command: /^(TEST_DATABASE_SERVER_URL=\S+ )?npm run test:(unit|e2e) -- /,
    reason: 'runs jest inside jest; checked instead: the project and the suite it names exist',
  },
  {
    command:
      /^npm run (build|migration:run|migration:revert|migration:generate|start:worker|keys:first-admin)\b/,
    reason:
      'builds, migrates or starts a process on the operator’s database; npm start runs build, migration:run and seed:demo on every start',
  },
  {
    command: /^API_PROCESSES=\d+ node dist\//,
    reason: 'starts the API on its port; apps/api/src/api-processes.spec.ts runs several API processes',
  },
  {
    command: /^npx openapi-typescript http:\/\/localhost:3000\/docs-json\b/,
    reason:
      'writes into a client project; test/openapi-document.e2e-spec.ts runs openapi-typescript on the live document and typechecks a client',
  },
  {
    command: /^curl -X POST http:\/\/localhost:3000\/api\/v1\/events\/\$EVENT\/invitations\b/,
    reason: 'shows the shape of a request with "…" for ids; walk-through step 3 runs a real invitation',
  },
];

/**
 * One request to the API in this process, or inviting a whole organisation (a few dozen people):
 * under a second when quiet, many seconds on a machine at load 20.
 */
const STEP_BUDGET_MS = 30_000;

interface Block {
  file: string;
  /** Commands with their continuation lines joined, each with the comment lines that follow it. */
  commands: Array<{ text: string; claims: string[] }>;
  /** Backticked iCalendar lines in the prose up to the next block: what the output must contain. */
  calendarLines: string[];
}

function docsWithCommands(): string[] {
  const docs = readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

function blocksOf(file: string): Block[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const fence = /^ *```(?:bash|sh|shell)\n([\s\S]*?)^ *```$/gm;
  const matches = [...text.matchAll(fence)];
  return matches.map((match, index) => {
    const prose = text.slice(match.index + match[0].length, matches[index + 1]?.index ?? text.length);
    const commands: Block['commands'] = [];
    let pending = '';
    for (const raw of match[1].split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (line.startsWith('#')) {
        commands[commands.length - 1]?.claims.push(line.slice(1).trim());
        continue;
      }
      pending += line.endsWith('\\') ? `${line.slice(0, -1).trim()} ` : line;
      if (line.endsWith('\\')) continue;
      commands.push({ text: withoutComment(pending), claims: [] });
      pending = '';
    }
    const calendarLines = [...prose.matchAll(/`((?:SEQUENCE|DTSTART|STATUS)[;:][^`]*)`/g)]
      .map(([, line]) => line)
      .filter((line) => !line.includes('CANCELLED'));
    return { file, commands, calendarLines };
  });
}

/** A command without its trailing `# …` comment (none of the commands quotes a #). */
function withoutComment(command: string): string {
  return command.replace(/\s+#.*$/, '').trim();
}

describe('Commands in the README and docs/', () => {
  let api: ApiHarness;
  let seed: TestingModule;
  let demo: DemoLoadResult;
  let baseUrl: string;

  beforeAll(async () => {
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: DOCS_BASE_URL }) });
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    // The same modules as `npm run seed:demo`, on the harness's throwaway database.
    seed = await Test.createTestingModule({
      imports: [AppConfigModule, DatabaseModule, DemoModule],
    }).compile();
    await seed.init();
    demo = await seed.get(DemoProgrammeService).load();
  });

  afterAll(async () => {
    await seed?.close();
    await api?.close();
  });

  const blocks = docsWithCommands().flatMap(blocksOf);
  const notRun = (command: string) => NOT_RUN.find((entry) => entry.command.test(command));
  const walkThroughSteps = blocks
    .filter((block) => block.file === 'docs/walk-through.md')
    .reduce((steps, block) => steps + block.commands.length, 0);

  it('should run or list with a reason every command the docs show', () => {
    const commands = blocks.flatMap((block) =>
      block.commands.map(({ text }) => ({ file: block.file, text })),
    );
    expect(commands.length).toBeGreaterThan(10);
    const unaccounted = commands.filter(
      ({ text, file }) => !notRun(text) && !(file === 'docs/walk-through.md' && isWalkThroughStep(text)),
    );
    expect(unaccounted).toEqual([]);
  });

  it('should name jest projects and suites that exist in the commands it does not run', () => {
    const jestCommands = blocks
      .flatMap((block) => block.commands)
      .filter(({ text }) => /\bnpm run test:(unit|e2e) -- /.test(text));
    expect(jestCommands.length).toBeGreaterThan(0);
    for (const { text } of jestCommands) {
      const project = /npm run test:(\S+)/.exec(text)![1];
      expect(readFileSync(path.join(root, 'jest.config.js'), 'utf8')).toContain(`displayName: '${project}'`);
      const pattern = new RegExp(/--testPathPatterns (\S+)/.exec(text)![1]);
      const suites = [...readdirSync(path.join(root, 'test')).map((name) => `test/${name}`)];
      expect(suites.some((suite) => pattern.test(suite))).toBe(true);
    }
  });

  it('should give the outputs the walk-through claims, step by step', async () => {
    const meeting = demoId('event', PARTNERSHIP_MEETING_2027_01.key);
    const neema = demo.personalFeeds.find((feed) => feed.name === 'Neema Mwakyusa')!;
    const values: Record<string, string> = {
      KEY: demo.keys.find((key) => key.organisationCode === 'ARN' && key.role === 'organiser')!.token,
      FEED: neema.feed.url,
    };
    /** What the docs leave out as "…": the start output's key and feed, the answer link of the email. */
    const placeholder = async (name: string): Promise<string> => {
      if (name !== 'ANSWER') return values[name];
      const [invitation] = await api.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM invitations WHERE event_id = $1 AND person_id = $2`,
        [meeting, neema.personId],
      );
      return (await api.app.get(InvitationsService).answerUrl(invitation.id))!;
    };

    const walkThrough = blocks.filter((block) => block.file === 'docs/walk-through.md');
    let ran = 0;
    for (const block of walkThrough) {
      let output = '';
      for (const { text, claims } of block.commands) {
        const assignment = /^([A-Z]+)=(\S+)$/.exec(text);
        if (assignment) {
          const [, name, value] = assignment;
          values[name] = value.includes('…') ? await placeholder(name) : value;
          continue;
        }
        const { body, status } = await run(text, values, baseUrl);
        ran += 1;
        output += body;
        for (const claim of claims) expectClaim(claim, body, status);
      }
      for (const line of block.calendarLines) expect(output).toContain(line);
      if (block.commands.some(({ text }) => text.includes('topLevel=true')))
        expect(output).toContain(values.EVENT);
      if (block.commands.some(({ text }) => text.includes('status=accepted')))
        expect(output).toContain(neema.personId);
    }
    expect(values.EVENT).toBe(meeting);
    expect(ran).toBeGreaterThanOrEqual(5);
  }, walkThroughSteps * STEP_BUDGET_MS);
});

/** Steps of the walk-through run by the test above: variables and curl calls against the API. */
function isWalkThroughStep(command: string): boolean {
  return /^[A-Z]+=\S+$/.test(command) || command.startsWith('curl ');
}

/**
 * Runs one command in bash with the docs' variables, against the test's API. Without a pipe, curl
 * also writes the status code on a last line, so that a `# 303` claim can be checked.
 */
async function run(
  command: string,
  values: Record<string, string>,
  baseUrl: string,
): Promise<{ body: string; status?: number }> {
  const local = (text: string) => text.replaceAll(DOCS_BASE_URL, baseUrl);
  const withStatus = command.includes('|') ? command : `${command} -w '\\n%{http_code}'`;
  // Asynchronous: the API answering these requests runs in this process.
  const { stdout } = await promisify(execFile)('bash', ['-c', local(withStatus)], {
    env: {
      PATH: process.env.PATH,
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, local(v)])),
    },
    encoding: 'utf8',
    timeout: STEP_BUDGET_MS,
  });
  if (command.includes('|')) return { body: stdout };
  const cut = stdout.lastIndexOf('\n');
  return { body: stdout.slice(0, cut), status: Number(stdout.slice(cut + 1)) };
}

/** `# 303, …` claims a status; `# {…}` claims JSON fields, where a value ending in "…" is a prefix. */
function expectClaim(claim: string, body: string, status: number | undefined): void {
  const code = /^(\d{3})\b/.exec(claim);
  if (code) {
    expect(status).toBe(Number(code[1]));
    return;
  }
  if (!claim.startsWith('{')) return;
  const expected = JSON.parse(claim) as Record<string, unknown>;
  const actual = JSON.parse(body) as Record<string, unknown>;
  for (const [field, value] of Object.entries(expected)) {
    if (typeof value === 'string' && value.endsWith('…')) {
      expect(String(actual[field])).toMatch(new RegExp(`^${value.slice(0, -1)}`));
    } else {
      expect(actual[field]).toEqual(value);
    }
  }
}
