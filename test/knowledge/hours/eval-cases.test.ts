import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { HoursEngine } from '../../../knowledge/hours';
import { shippedKb, t } from './fixture';

/**
 * test/eval/hours.jsonl: hand-labelled hours cases in the eval format
 * (/work/shared/eval-sample/README.md; its three sample lines are the first three here). Instants
 * are compared as instants, so any offset is fine.
 */
const Instant = z.string().refine((s) => t(s).isValid);
const Case = z.strictObject({
  unit: z.string(),
  at: Instant,
  open: z.boolean().nullable(),
  closesAt: Instant.nullable(),
  nextOpening: Instant.nullable(),
});

const text = readFileSync(new URL('../../eval/hours.jsonl', import.meta.url), 'utf8');
const cases = text
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l, i) => ({ line: i + 1, ...Case.parse(JSON.parse(l)) }));

const engine = new HoursEngine(shippedKb());
const millis = (s: string | null): number | null => (s === null ? null : t(s).toMillis());

describe('test/eval/hours.jsonl', () => {
  test('has at least 40 cases, no two alike, covering every kind of hours', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => `${c.unit} ${millis(c.at)}`)).size).toBe(cases.length);
    const kinds = new Set(cases.map((c) => engine.status(c.unit, t(c.at)).kind));
    expect([...kinds].sort()).toEqual(['always-open', 'scheduled', 'unknown']);
  });

  test.each(cases)('line $line: $unit at $at', (c) => {
    const s = engine.status(c.unit, t(c.at));
    expect({ open: s.open, closesAt: s.closesAt?.toMillis() ?? null, nextOpening: s.nextOpening?.toMillis() ?? null }).toEqual({
      open: c.open,
      closesAt: millis(c.closesAt),
      nextOpening: millis(c.nextOpening),
    });
  });
});
