import { afterAll, describe, expect, test } from 'vitest';
import { brokenCopy, removeCopies, replace, VALID_KB_DIR } from '../fixtures/kb/broken-copy';
import { runFrontdoor, type Run } from '../helpers/cli';

afterAll(removeCopies);

/** Runs the command at a fixed time. */
function frontdoor(args: readonly string[]): Promise<Run> {
  return runFrontdoor(args, { env: { FRONTDOOR_NOW: '2026-12-03T16:30:00+01:00' } });
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('frontdoor kb validate', () => {
  test('exits 0 on the shipped knowledge base and says ok on stdout', async () => {
    const r = await frontdoor(['kb', 'validate']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^ok: \d+ units valid in /);
  });

  test('exits 0 on a valid directory given as DIR', async () => {
    const r = await frontdoor(['kb', 'validate', VALID_KB_DIR]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^ok: 3 units valid in /);
  });

  test('exits 1 with one file: path: message line per problem, nothing on stdout', async () => {
    const dir = brokenCopy({
      'units/team.yaml': replace('number: +45 89 40 20 00', 'number: +45 11 22 33 44'),
      'units/borgerservice.yaml': replace("mon: ['09:00-16:00']", "mon: ['09:00-16:00', '15:00-17:00']"),
    });
    const r = await frontdoor(['kb', 'validate', dir]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(lines(r.stderr)).toEqual([
      'units/borgerservice.yaml: hours.versions[0].weekly.mon[1]: interval 15:00-17:00 overlaps 09:00-16:00',
      "units/team.yaml: contacts.phones[0].number: +45 11 22 33 44 is a named person's direct line in 900_aaaaaaaaaaaaaaaa.txt, not a unit's public number",
    ]);
  });

  test.each<[string, string[]]>([
    ['a directory that does not exist', ['kb', 'validate', 'no/such/dir']],
    ['two directories', ['kb', 'validate', 'a', 'b']],
    ['an unknown option', ['kb', 'validate', '--strict']],
    ['an unknown subcommand', ['kb', 'check']],
    ['no subcommand', ['kb']],
  ])('exits 2 with one line on stderr and nothing on stdout for %s', async (_name, args) => {
    const r = await frontdoor(args);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^frontdoor kb: /);
  });
});

describe('frontdoor kb list --json', () => {
  test('prints one JSON array of {"id","name"} for every unit and exits 0', async () => {
    const r = await frontdoor(['kb', 'list', '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const units = JSON.parse(r.stdout) as unknown;
    expect(Array.isArray(units)).toBe(true);
    for (const u of units as unknown[]) {
      expect(Object.keys(u as object)).toEqual(['id', 'name']);
      expect(u).toEqual({ id: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/), name: expect.any(String) });
    }
    const ids = (units as { id: string }[]).map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['aarhus-kommune', 'opkraevningen', 'parkering-fejltelefon', 'udrykningsteamet']));
    expect(units).toContainEqual({ id: 'pladsanvisning', name: 'Pladsanvisningen' });
  });

  test('exits 2 with nothing on stdout for an unknown option', async () => {
    const r = await frontdoor(['kb', 'list', '--yaml']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(lines(r.stderr)).toEqual(['frontdoor kb: unknown option --yaml']);
  });
});
