import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AgentStore } from '../../bot/agent/agent-store';
import { AuditLog } from '../../bot/agent/audit-log';
import { main } from '../../bot/cli/main';
import { openPglite, type Database } from '../../bot/storage/database';
import { migrate } from '../../bot/storage/migrate';
import { ZONE } from '../../knowledge/clock';
import { runFrontdoor, type Run } from '../helpers/cli';

const PASSWORD = 'korrekt-hest-batteri';

let dir: string;
let dataDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdoor-cli-agents-'));
  dataDir = join(dir, 'data');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command with its stdin closed at once (no terminal), on this file's data directory. */
function frontdoor(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return runFrontdoor(args, { env: { FRONTDOOR_DATA_DIR: dataDir, ...env } });
}

/** Opens the CLI's database in this process (PGlite allows one process at a time). */
async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openPglite(dataDir);
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

describe('frontdoor agents add', () => {
  test('with --password adds an agent who can then sign in, the password hashed with bcrypt cost 12', async () => {
    const run = await frontdoor(['agents', 'add', 'Anna', '--password', PASSWORD]);
    expect(run).toMatchObject({ code: 0, stdout: 'added agent anna\n', stderr: '' });
    await withDb(async (db) => {
      const store = new AgentStore(db);
      expect(await store.verify('anna', PASSWORD)).toEqual({ ok: true, username: 'anna' });
      expect(await store.verify('anna', 'forkert-kodeord')).toEqual({ ok: false, reason: 'invalid_credentials' });
      const row = await db.query<{ password_hash: string }>("SELECT password_hash FROM agents WHERE username = 'anna'");
      expect(row.rows[0]?.password_hash).toMatch(/^\$2[aby]\$12\$/);
    });
  });

  test('an agent that exists already is not changed: exit 1', async () => {
    const run = await frontdoor(['agents', 'add', 'anna', '--password', 'et-andet-kodeord']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('frontdoor agents: an agent named "anna" already exists\n');
    await withDb(async (db) => expect((await new AgentStore(db).verify('anna', PASSWORD)).ok).toBe(true));
  });

  test('without --password and without a terminal to ask on it stops with exit 2 and one clear line', async () => {
    const run = await frontdoor(['agents', 'add', 'bob']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('frontdoor agents: no password given and no terminal to ask on: use --password P, or run the command in a terminal\n');
  });

  test.each([
    ['a password under 8 characters', ['agents', 'add', 'bob', '--password', 'kort'], /at least 8 characters/],
    ['a name with markup', ['agents', 'add', '<b>bob</b>', '--password', PASSWORD], /not a valid agent name/],
    ['no name', ['agents', 'add'], /usage: frontdoor agents add NAME/],
    ['an unknown option', ['agents', 'add', 'bob', '--admin'], /unknown option --admin/],
  ])('%s is bad input: exit 2', async (_, args, message) => {
    const run = await frontdoor(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('on a terminal it asks twice without echoing the password', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // Answer each prompt as it appears, as a person at the keyboard would.
      if (/Password( again)?: $/.test(err)) stdin.write(`${PASSWORD}\r`);
    });
    const code = await main(['agents', 'add', 'erik'], { stdin, stdout, stderr, env: { FRONTDOOR_DATA_DIR: dataDir } });
    expect(code).toBe(0);
    expect(out).toBe('added agent erik\n');
    expect(err).toBe('Password: \nPassword again: \n');
    expect(out + err).not.toContain(PASSWORD);
  });

  test('on a terminal, two different passwords stop it with exit 2', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    const stderr = new PassThrough();
    let err = '';
    let answers = [`${PASSWORD}\r`, 'noget-helt-andet\r'];
    stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/: $/.test(err) && answers.length > 0) {
        stdin.write(answers[0] as string);
        answers = answers.slice(1);
      }
    });
    const code = await main(['agents', 'add', 'fie'], { stdin, stdout: new PassThrough(), stderr, env: { FRONTDOOR_DATA_DIR: dataDir } });
    expect(code).toBe(2);
    expect(err).toMatch(/the two passwords differ/);
  });

  test('list names the agents; remove takes one away', async () => {
    expect((await frontdoor(['agents', 'list'])).stdout).toMatch(/^anna {2}\(added .+\)\nerik {2}\(added .+\)\n$/);
    expect(await frontdoor(['agents', 'remove', 'erik'])).toMatchObject({ code: 0, stdout: 'removed agent erik\n' });
    expect(await frontdoor(['agents', 'remove', 'erik'])).toMatchObject({ code: 1 });
    expect((await frontdoor(['agents', 'list'])).stdout).not.toMatch(/erik/);
  });
});

describe('frontdoor audit', () => {
  beforeAll(async () => {
    await withDb(async (db) => {
      const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
      await new AuditLog(db).record([
        { at: at('2026-12-02T15:00:00'), agent: 'anna', action: 'login' },
        { at: at('2026-12-03T09:01:05'), agent: 'anna', action: 'claim', reference: 'ABC234', unit: 'pladsanvisning' },
        { at: at('2026-12-03T09:01:05'), agent: 'anna', action: 'phone_shown', reference: 'ABC234', unit: 'pladsanvisning' },
      ]);
    });
  });

  test('prints every entry, oldest first, one line each, with no phone numbers', async () => {
    const run = await frontdoor(['audit']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      '2026-12-02 15:00:00  anna  login        -  -',
      '2026-12-03 09:01:05  anna  claim        ABC234  pladsanvisning',
      '2026-12-03 09:01:05  anna  phone_shown  ABC234  pladsanvisning',
    ]);
  });

  test('--since a day leaves out what came before it, in Aarhus time', async () => {
    const run = await frontdoor(['audit', '--since', '2026-12-03']);
    expect(run.stdout).not.toMatch(/login/);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  test('--since an instant and --json give the entries as JSON', async () => {
    const run = await frontdoor(['audit', '--since', '2026-12-03T09:00:00+01:00', '--action', 'phone_shown', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { at: '2026-12-03T09:01:05+01:00', agent: 'anna', action: 'phone_shown', reference: 'ABC234', unit: 'pladsanvisning', detail: null },
    ]);
  });

  test.each([
    [['audit', '--since', 'i går']],
    [['audit', '--action', 'everything']],
    [['audit', 'extra']],
  ])('bad input %j: exit 2', async (args) => {
    const run = await frontdoor(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
