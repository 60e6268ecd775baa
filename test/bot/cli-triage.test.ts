import { describe, expect, test } from 'vitest';
import { runFrontdoor, type Run } from '../helpers/cli';

/** Runs the command with `input` on stdin. */
function frontdoor(args: readonly string[], input: string, env: Record<string, string> = {}): Promise<Run> {
  return runFrontdoor(args, { env, stdin: input });
}

const lines = (stdout: string): unknown[] =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);

describe('frontdoor triage --jsonl', () => {
  test('answers each line with exactly the contract keys, in order, in one process', async () => {
    const input = [
      { text: 'Hvornår kan jeg ringe til Borgerservice om mit pas?' },
      { text: 'My heating stopped working in the middle of the night', at: '2026-12-03T02:00:00+01:00' },
      { text: 'Kan I anbefale en god film?' },
      { text: 'Min nabo er faldet om og trækker ikke vejret' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const run = await frontdoor(['triage', '--jsonl'], `${input}\n`, { FRONTDOOR_NOW: '2026-12-01T10:00:00+01:00' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = lines(run.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(4);
    for (const o of out) expect(Object.keys(o)).toEqual(['unitId', 'confidence', 'emergency', 'lang', 'intent', 'alternatives']);
    expect(out[0]).toMatchObject({ unitId: 'borgerservice', emergency: false, lang: 'da', intent: 'hours' });
    expect(out[1]).toMatchObject({ unitId: 'affaldvarme-doegnvagt', lang: 'en' });
    expect(out[2]).toMatchObject({ unitId: null, emergency: false });
    expect(out[3]).toMatchObject({ emergency: true });
    for (const o of out) {
      for (const a of o.alternatives as Record<string, unknown>[]) expect(Object.keys(a)).toEqual(['unitId', 'confidence']);
    }
  });

  test('answers a malformed line with an error line, goes on, and exits 2', async () => {
    const run = await frontdoor(['triage', '--jsonl'], 'not json\n{"text":"pas","at":"yesterday"}\n{"text":"pas"}\n{"txt":"pas"}\n');
    expect(run.code).toBe(2);
    const out = lines(run.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(4);
    expect(out[0]).toHaveProperty('error');
    expect(out[1]).toHaveProperty('error');
    expect(out[2]).toMatchObject({ unitId: 'borgerservice' });
    expect(out[3]).toHaveProperty('error');
  });

  test('a malformed FRONTDOOR_NOW is bad input: one line on stderr, nothing on stdout, exit 2', async () => {
    const run = await frontdoor(['triage', '--jsonl'], '{"text":"pas"}\n', { FRONTDOOR_NOW: 'tomorrow' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('never echoes a CPR number', async () => {
    const run = await frontdoor(['triage', '--jsonl'], '{"text":"mit cpr er 010190-1234, jeg skal have nyt pas"}\n');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('1234');
  });
});

describe('frontdoor triage "question" --explain', () => {
  test('prints the contract line, then how each word matched and the units by score', async () => {
    const run = await frontdoor(['triage', 'pladsanvisnigen telefontid', '--explain'], '');
    expect(run.code).toBe(0);
    const [contract, ...explained] = run.stdout.trim().split('\n');
    expect(JSON.parse(contract as string)).toMatchObject({ unitId: 'pladsanvisning' });
    // The typo is read as the unit's name, and says so.
    expect(explained.find((l) => l.startsWith('pladsanvisnigen '))).toMatch(/\[fuzzy\].*-> pladsanvisning \d/);
    expect(explained).toContainEqual(expect.stringMatching(/^coverage \d\.\d\d/));
    expect(explained).toContainEqual(expect.stringMatching(/^ {2}pladsanvisning \d+\.\d\d$/));
  });

  test('never echoes a CPR number in the explanation either', async () => {
    const run = await frontdoor(['triage', 'mit cpr er 010190-1234 og jeg mangler et pas', '--explain'], '');
    expect(run.stdout).not.toMatch(/010190|1234/);
  });
});
