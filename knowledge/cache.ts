/**
 * A cache between starts for what is costly to derive and fully decided by its inputs: the parsed YAML of
 * the knowledge base, the trained emergency model. Entries are named by a digest of their inputs, so a
 * changed input is a miss, never a stale hit. Any failure (no such file, damaged, read-only disk) is a
 * miss: the caller derives the value again, and the cache only ever saves time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A folder in the system's temp dir (TMPDIR moves it). */
export const DEFAULT_CACHE_DIR = join(tmpdir(), 'frontdoor-cache');

export function digestOf(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 32);
}

/** The JSON stored under `kind` and `key` in `dir`, or undefined. */
export function readCached(dir: string, kind: string, key: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, `${kind}-${key}.json`), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON; keeps the newest `keep` entries of `kind`. Written aside and renamed, so a process starting alongside never reads half a file. */
export function writeCached(dir: string, kind: string, key: string, value: unknown, keep: number): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${kind}-${key}.json`);
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(value));
    renameSync(partial, file);
    const entries = readdirSync(dir)
      .filter((f) => f.startsWith(`${kind}-`) && f.endsWith('.json'))
      .map((f) => ({ path: join(dir, f), at: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of entries.slice(keep)) rmSync(old.path, { force: true });
  } catch {
    // A read-only or full disk only costs the next start the work.
  }
}
