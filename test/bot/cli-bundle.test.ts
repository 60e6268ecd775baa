import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { loadBundledCli, stamp } from '../../bot/cli/cli-bundle.mjs';
import { commandFiles, main, type CommandLoaders } from '../../bot/cli/main';
import { runFrontdoor } from '../helpers/cli';

async function run(argv: string[], commands: CommandLoaders, run: typeof main = main): Promise<{ code: number; stdout: string }> {
  const stdout = new PassThrough();
  let text = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
  const code = await run(argv, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} }, commands);
  return { code, stdout: text };
}

describe('the CLI bundle (bot/cli/cli-bundle.mjs)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test('holds every command of bot/cli/commands/', async () => {
    const bundled = await loadBundledCli();
    expect(bundled).not.toBeNull();
    expect(Object.keys(bundled?.commands ?? {}).sort()).toEqual(Object.keys(commandFiles()).sort());
  });

  test('answers as the sources do', async () => {
    const bundled = await loadBundledCli();
    if (!bundled) throw new Error('no bundle');
    const argv = ['triage', 'kan jeg ringe til pladsanvisningen torsdag kl. 16.30?', '--at', '2026-12-07T09:30:00+01:00'];
    const fromBundle = await run(argv, bundled.commands, bundled.main);
    const fromFiles = await run(argv, commandFiles());
    expect(fromBundle.code).toBe(0);
    expect(JSON.parse(fromBundle.stdout).unitId).toBe('pladsanvisning');
    expect(fromBundle.stdout).toBe(fromFiles.stdout);
  });

  test('a changed source file changes the digest, so a stale bundle is never run', () => {
    const root = mkdtempSync(join(tmpdir(), 'frontdoor-stamp-'));
    dirs.push(root);
    mkdirSync(join(root, 'knowledge'));
    const file = join(root, 'knowledge', 'a.ts');
    writeFileSync(file, 'export const a = 1;\n');
    utimesSync(file, 1_000_000, 1_000_000);
    const before = stamp('0.28.2', root);
    expect(stamp('0.28.2', root)).toBe(before);
    writeFileSync(file, 'export const a = 2;\n');
    utimesSync(file, 1_000_000, 1_000_000);
    expect(stamp('0.28.2', root), 'same size and time, other content: the digest reads size and time only').toBe(before);
    writeFileSync(file, 'export const a = 22;\n');
    expect(stamp('0.28.2', root)).not.toBe(before);
    expect(stamp('0.29.0', root)).not.toBe(stamp('0.28.2', root));
  });

  test('with FRONTDOOR_NO_BUNDLE=1 the command runs through tsx and answers the same', async () => {
    const line = JSON.stringify({ text: 'Hvornår kan jeg ringe til Pladsanvisningen?', at: '2026-12-07T09:30:00+01:00' });
    const [bundled, tsx] = await Promise.all([
      runFrontdoor(['triage', '--jsonl'], { stdin: `${line}\n` }),
      runFrontdoor(['triage', '--jsonl'], { stdin: `${line}\n`, env: { FRONTDOOR_NO_BUNDLE: '1' } }),
    ]);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe(tsx.stdout);
    expect(JSON.parse(bundled.stdout).unitId).toBe('pladsanvisning');
  });
});
