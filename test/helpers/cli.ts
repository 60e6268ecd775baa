import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bot/cli/frontdoor.mjs');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** What the machine's environment may carry that would change a command's answer. */
const FRONTDOOR_VARIABLES = ['DATABASE_URL', 'FRONTDOOR_DATA_DIR', 'FRONTDOOR_NOW', 'FRONTDOOR_PURGE_DAYS', 'FRONTDOOR_KB_DIR'];

/**
 * Runs `node bot/cli/frontdoor.mjs …` as a user would, from the project root: the Frontdoor
 * variables of the test's own environment removed, `env` added, `stdin` written and closed
 * (no terminal).
 */
export function runFrontdoor(args: readonly string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of FRONTDOOR_VARIABLES) delete base[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...base, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
