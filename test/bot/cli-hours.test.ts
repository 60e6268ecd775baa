import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clockFromEnv } from '../../bot/config/clock-from-env';
import { UsageError } from '../../bot/cli/io';
import { ROOT, runFrontdoor, type Run } from '../helpers/cli';

/** Runs the command with FRONTDOOR_NOW unless `now` is null. */
function frontdoor(args: readonly string[], opts: { now?: string | null; stdin?: string } = {}): Promise<Run> {
  const env: Record<string, string> = opts.now === null ? {} : { FRONTDOOR_NOW: opts.now ?? '2026-12-03T16:30:00+01:00' };
  return runFrontdoor(args, { env, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}) });
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('frontdoor hours UNIT', () => {
  test('prints the Danish sentence by default, using FRONTDOOR_NOW as the time', async () => {
    const r = await frontdoor(['hours', 'pladsanvisning']);
    expect(r).toEqual({ code: 0, stdout: 'Åbent nu – lukker kl. 17.15\n', stderr: '' });
  });

  test('prints English with --lang en and takes the time from --at', async () => {
    const r = await frontdoor(['hours', 'pladsanvisning', '--at', '2026-12-01T12:00:00+01:00', '--lang', 'en']);
    expect(r).toEqual({ code: 0, stdout: 'Closed – opens Thursday at 9 am\n', stderr: '' });
  });

  test('prints one JSON object with --json, instants in Aarhus with their offset', async () => {
    const r = await frontdoor(['hours', 'borgerservice', '--at', '2026-12-25T09:00:00Z', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({
      unit: 'borgerservice',
      at: '2026-12-25T10:00:00+01:00',
      open: false,
      closesAt: null,
      nextOpening: '2026-12-28T09:00:00+01:00',
    });
  });

  test('gives open null and no times for a unit whose hours are unknown', async () => {
    const r = await frontdoor(['hours', 'udrykningsteamet', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ unit: 'udrykningsteamet', at: '2026-12-03T16:30:00+01:00', open: null, closesAt: null, nextOpening: null });
  });

  test('gives open true and no times for an always-open line', async () => {
    const r = await frontdoor(['hours', 'miljoevagten', '--json', '--at', '2026-12-24T03:00:00+01:00']);
    expect(JSON.parse(r.stdout)).toEqual({ unit: 'miljoevagten', at: '2026-12-24T03:00:00+01:00', open: true, closesAt: null, nextOpening: null });
  });

  test('uses the real time when FRONTDOOR_NOW is not set', async () => {
    const r = await frontdoor(['hours', 'plejehjem', '--json'], { now: null });
    expect(r.code).toBe(0);
    const at = Date.parse((JSON.parse(r.stdout) as { at: string }).at);
    expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
  });

  test.each([
    [['hours', 'findes-ikke'], /unknown unit "findes-ikke"/, undefined],
    [['hours', 'borgerservice', '--at', '2026-13-01T10:00'], /--at is not an ISO 8601 instant/, undefined],
    [['hours', 'borgerservice', '--at', 'i morgen'], /--at is not an ISO 8601 instant/, undefined],
    [['hours', 'borgerservice', '--json'], /FRONTDOOR_NOW is not an ISO 8601 instant/, 'yesterday'],
    [['hours'], /usage: frontdoor hours/, undefined],
    [['hours', 'borgerservice', 'pladsanvisning'], /usage: frontdoor hours/, undefined],
    [['hours', 'borgerservice', '--lang', 'de'], /--lang must be da or en/, undefined],
    [['hours', 'borgerservice', '--bogus'], /unknown option --bogus/, undefined],
    [['hours', 'borgerservice', '--kb', '/nonexistent/kb'], /cannot load the knowledge base/, undefined],
  ])('%j: one line on stderr, exit 2, nothing on stdout', async (args, message, now) => {
    const r = await frontdoor(args, now === undefined ? {} : { now });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  const broken = mkdtempSync(join(tmpdir(), 'frontdoor-kb-'));
  afterAll(() => rmSync(broken, { recursive: true, force: true }));

  test('refuses an unreadable knowledge base with one line naming it', async () => {
    writeFileSync(join(broken, 'seeds.yaml'), 'seeds: [unclosed\n');
    const r = await frontdoor(['hours', 'borgerservice', '--kb', broken]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([expect.stringContaining(broken)]);
  });
});

describe('frontdoor hours --jsonl', () => {
  test('answers every line in one process, in order', async () => {
    const input = [
      { unit: 'pladsanvisning', at: '2026-12-03T16:30:00+01:00' },
      { unit: 'borgerservice', at: '2026-12-25T10:00:00+01:00' },
      { unit: 'digital-hotline', at: '2026-12-05T12:00:00+01:00' },
      { unit: 'koordineret-koersel', at: '2026-03-29T12:00:00+02:00' },
      { unit: 'udrykningsteamet', at: '2026-12-03T22:00:00+01:00' },
    ];
    const r = await frontdoor(['hours', '--jsonl'], { stdin: `${input.map((l) => JSON.stringify(l)).join('\n')}\n` });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout).map((l) => JSON.parse(l) as unknown)).toEqual([
      { unit: 'pladsanvisning', at: '2026-12-03T16:30:00+01:00', open: true, closesAt: '2026-12-03T17:15:00+01:00', nextOpening: null },
      { unit: 'borgerservice', at: '2026-12-25T10:00:00+01:00', open: false, closesAt: null, nextOpening: '2026-12-28T09:00:00+01:00' },
      { unit: 'digital-hotline', at: '2026-12-05T12:00:00+01:00', open: false, closesAt: null, nextOpening: '2026-12-06T16:00:00+01:00' },
      { unit: 'koordineret-koersel', at: '2026-03-29T12:00:00+02:00', open: false, closesAt: null, nextOpening: '2026-03-30T06:00:00+02:00' },
      { unit: 'udrykningsteamet', at: '2026-12-03T22:00:00+01:00', open: null, closesAt: null, nextOpening: null },
    ]);
  });

  test('answers a bad line with an error object in its place, goes on, and exits 2', async () => {
    const stdin = [
      '{"unit":"pladsanvisning","at":"2026-12-03T17:15:00+01:00"}',
      '{"unit":"findes-ikke","at":"2026-12-03T10:00:00+01:00"}',
      'not json',
      '',
      '{"unit":"borgerservice","at":"torsdag"}',
      '{"unit":"borgerservice","at":"2026-12-03T10:00:00+01:00","extra":1}',
      '{"unit":"borgerservice"}',
    ].join('\n');
    const r = await frontdoor(['hours', '--jsonl'], { stdin });
    expect(r.code).toBe(2);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ unit: 'pladsanvisning', open: false, nextOpening: '2026-12-07T09:00:00+01:00' });
    expect(out[1]).toEqual({ unit: 'findes-ikke', at: '2026-12-03T10:00:00+01:00', error: 'unknown unit "findes-ikke"' });
    expect(out[2]).toMatchObject({ unit: null, at: null, error: expect.any(String) });
    expect(out[3]).toMatchObject({ unit: 'borgerservice', at: 'torsdag', error: expect.stringMatching(/ISO 8601/) });
    expect(out[4]).toMatchObject({ unit: 'borgerservice', error: expect.any(String) });
    // A line without "at" is asked at the process clock.
    expect(out[5]).toEqual({ unit: 'borgerservice', at: '2026-12-03T16:30:00+01:00', open: true, closesAt: '2026-12-03T18:00:00+01:00', nextOpening: null });
  });

  test('answers the whole labelled eval set (test/eval/hours.jsonl) in one process', async () => {
    type Case = { unit: string; at: string; open: boolean | null; closesAt: string | null; nextOpening: string | null };
    const cases = lines(readFileSync(join(ROOT, 'test/eval/hours.jsonl'), 'utf8')).map((l) => JSON.parse(l) as Case);
    const r = await frontdoor(['hours', '--jsonl'], { stdin: cases.map((c) => JSON.stringify({ unit: c.unit, at: c.at })).join('\n') });
    expect(r.code).toBe(0);
    const ms = (s: string | null): number | null => (s === null ? null : Date.parse(s));
    const norm = (c: Case): unknown[] => [c.unit, ms(c.at), c.open, ms(c.closesAt), ms(c.nextOpening)];
    expect(lines(r.stdout).map((l) => norm(JSON.parse(l) as Case))).toEqual(cases.map(norm));
  });

  test('refuses a UNIT or --at next to --jsonl', async () => {
    const r = await frontdoor(['hours', 'borgerservice', '--jsonl']);
    expect([r.code, r.stdout, lines(r.stderr).length]).toEqual([2, '', 1]);
  });
});

describe('clockFromEnv', () => {
  test('fixes the clock at FRONTDOOR_NOW, in Aarhus', () => {
    expect(clockFromEnv({ FRONTDOOR_NOW: '2026-12-03T15:30:00Z' })().toISO()).toBe('2026-12-03T16:30:00.000+01:00');
  });

  test('reads a time without offset as Aarhus time', () => {
    expect(clockFromEnv({ FRONTDOOR_NOW: '2026-07-01T09:00' })().toISO()).toBe('2026-07-01T09:00:00.000+02:00');
  });

  test('falls back to the real time when unset or empty', () => {
    for (const env of [{}, { FRONTDOOR_NOW: '' }]) expect(Math.abs(clockFromEnv(env)().toMillis() - Date.now())).toBeLessThan(5_000);
  });

  test('throws a UsageError on a malformed value', () => {
    expect(() => clockFromEnv({ FRONTDOOR_NOW: 'nu' })).toThrow(UsageError);
  });
});
