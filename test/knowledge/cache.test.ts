import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { digestOf, readCached, writeCached } from '../../knowledge/cache';

describe('the start-up cache', () => {
  const dirs: string[] = [];
  const fresh = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-cache-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('what was written is read back; another key is a miss', () => {
    const dir = fresh();
    writeCached(dir, 'kb-yaml', digestOf('a'), { id: 'borgerservice', hours: [1, 2] }, 10);
    expect(readCached(dir, 'kb-yaml', digestOf('a'))).toEqual({ id: 'borgerservice', hours: [1, 2] });
    expect(readCached(dir, 'kb-yaml', digestOf('b'))).toBeUndefined();
  });

  test('the digest tells its parts apart: ("ab", "c") is not ("a", "bc")', () => {
    expect(digestOf('ab', 'c')).not.toBe(digestOf('a', 'bc'));
    expect(digestOf('a', 'bc')).toBe(digestOf('a', 'bc'));
  });

  test('a damaged entry is a miss, not an error', () => {
    const dir = fresh();
    writeFileSync(join(dir, `kb-yaml-${digestOf('x')}.json`), '{"half": ');
    expect(readCached(dir, 'kb-yaml', digestOf('x'))).toBeUndefined();
  });

  test('only the newest entries of a kind are kept; other kinds are left alone', () => {
    const dir = fresh();
    writeCached(dir, 'emergency-model', 'keepme', { bias: 0 }, 5);
    for (let i = 0; i < 4; i++) {
      writeCached(dir, 'kb-yaml', `k${i}`, i, 100);
      // k0 an hour old, k3 a quarter of an hour: older by far more than any clock's resolution.
      const at = new Date(Date.now() - (60 - i * 15) * 60_000);
      utimesSync(join(dir, `kb-yaml-k${i}.json`), at, at);
    }
    writeCached(dir, 'kb-yaml', 'k4', 4, 2);
    const kept = readdirSync(dir).sort();
    expect(kept).toEqual(['emergency-model-keepme.json', 'kb-yaml-k3.json', 'kb-yaml-k4.json']);
  });

  test('an unwritable place only means no cache', () => {
    const file = join(fresh(), 'a-file');
    writeFileSync(file, '');
    const under = join(file, 'cache');
    expect(() => writeCached(under, 'kb-yaml', 'k', 1, 2)).not.toThrow();
    expect(readCached(under, 'kb-yaml', 'k')).toBeUndefined();
  });
});
