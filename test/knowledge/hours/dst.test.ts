import { describe, expect, test } from 'vitest';
import { HoursEngine } from '../../../knowledge/hours';
import { fixtureKb, isoOrNull, shippedKb, t, weekly } from './fixture';

/**
 * Daylight saving in 2026: clocks go forward on Sunday 29 March (02:00 CET → 03:00 CEST) and back
 * on Sunday 25 October (03:00 CEST → 02:00 CET). Wall-clock hours stay; the instants shift.
 */
const engine = new HoursEngine(shippedKb());

const spans = (e: HoursEngine, unit: string, from: string, to: string): [string | null, string | null, number][] =>
  e.windows(unit, t(from), t(to)).map((w) => [isoOrNull(w.start), isoOrNull(w.end), w.end.diff(w.start, 'minutes').minutes]);

describe('koordineret-koersel (weekdays 06:00–22:00) around the changes', () => {
  test('keeps 06:00–22:00 on the wall clock on both sides of the spring change', () => {
    expect(spans(engine, 'koordineret-koersel', '2026-03-27T00:00:00+01:00', '2026-03-31T00:00:00+02:00')).toEqual([
      ['2026-03-27T06:00:00+01:00', '2026-03-27T22:00:00+01:00', 960],
      ['2026-03-30T06:00:00+02:00', '2026-03-30T22:00:00+02:00', 960],
    ]);
  });

  test('keeps 06:00–22:00 on the wall clock on both sides of the autumn change', () => {
    expect(spans(engine, 'koordineret-koersel', '2026-10-23T00:00:00+02:00', '2026-10-27T00:00:00+01:00')).toEqual([
      ['2026-10-23T06:00:00+02:00', '2026-10-23T22:00:00+02:00', 960],
      ['2026-10-26T06:00:00+01:00', '2026-10-26T22:00:00+01:00', 960],
    ]);
  });

  test.each([
    ['2026-03-28T23:00:00+01:00', '2026-03-30T06:00:00+02:00'],
    ['2026-03-29T01:59:00+01:00', '2026-03-30T06:00:00+02:00'],
    ['2026-03-29T03:00:00+02:00', '2026-03-30T06:00:00+02:00'],
    ['2026-10-25T02:30:00+02:00', '2026-10-26T06:00:00+01:00'],
    ['2026-10-25T02:30:00+01:00', '2026-10-26T06:00:00+01:00'],
  ])('is closed at %s over the changeover weekend and opens at %s', (at, next) => {
    const s = engine.status('koordineret-koersel', t(at));
    expect([s.open, isoOrNull(s.nextOpening)]).toEqual([false, next]);
  });

  test('opens at 06:00 local on the Monday after each change: 04:00 UTC in summer, 05:00 UTC in winter', () => {
    expect(engine.status('koordineret-koersel', t('2026-03-30T03:59:00Z')).open).toBe(false);
    expect(engine.status('koordineret-koersel', t('2026-03-30T04:00:00Z')).open).toBe(true);
    expect(engine.status('koordineret-koersel', t('2026-10-26T04:30:00Z')).open).toBe(false);
    expect(engine.status('koordineret-koersel', t('2026-10-26T05:00:00Z')).open).toBe(true);
  });
});

describe('digital-hotline on the changeover Sundays (Sunday 16:00–20:00)', () => {
  test.each([
    ['2026-03-29T15:59:00+02:00', false, null, '2026-03-29T16:00:00+02:00'],
    ['2026-03-29T14:00:00Z', true, '2026-03-29T20:00:00+02:00', null],
    ['2026-03-29T19:59:00+02:00', true, '2026-03-29T20:00:00+02:00', null],
    ['2026-03-29T18:00:00Z', false, null, '2026-03-30T08:00:00+02:00'],
    ['2026-03-28T20:00:00+01:00', false, null, '2026-03-29T16:00:00+02:00'],
    ['2026-10-25T14:30:00Z', false, null, '2026-10-25T16:00:00+01:00'],
    ['2026-10-25T15:00:00Z', true, '2026-10-25T20:00:00+01:00', null],
    ['2026-10-25T19:00:00Z', false, null, '2026-10-26T08:00:00+01:00'],
    ['2026-10-24T20:00:00+02:00', false, null, '2026-10-25T16:00:00+01:00'],
  ])('at %s: open %s, closes %s, opens %s', (at, open, closesAt, nextOpening) => {
    const s = engine.status('digital-hotline', t(at));
    expect({ open: s.open, closesAt: isoOrNull(s.closesAt), nextOpening: isoOrNull(s.nextOpening) }).toEqual({ open, closesAt, nextOpening });
  });

  test('has a four-hour window on both changeover Sundays', () => {
    expect(spans(engine, 'digital-hotline', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toEqual([
      ['2026-03-29T16:00:00+02:00', '2026-03-29T20:00:00+02:00', 240],
    ]);
    expect(spans(engine, 'digital-hotline', '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toEqual([
      ['2026-10-25T16:00:00+01:00', '2026-10-25T20:00:00+01:00', 240],
    ]);
  });
});

describe('always-open lines on the changeover days', () => {
  test('have a 23-hour day in spring and a 25-hour day in autumn', () => {
    const spring = engine.day('boern-og-ungevagten', t('2026-03-29T12:00:00+02:00'));
    const autumn = engine.day('boern-og-ungevagten', t('2026-10-25T12:00:00+01:00'));
    expect(spring.windows.map((w) => w.end.diff(w.start, 'hours').hours)).toEqual([23]);
    expect(autumn.windows.map((w) => w.end.diff(w.start, 'hours').hours)).toEqual([25]);
    expect(engine.status('boern-og-ungevagten', t('2026-03-29T02:30:00+01:00')).open).toBe(true);
  });
});

describe('intervals inside the changeover hour (fixture unit)', () => {
  const e = new HoursEngine(
    fixtureKb({
      nat: weekly({ sun: ['01:00-04:00'] }),
      hul: weekly({ sun: ['02:00-02:30'], mon: ['09:00-10:00'] }),
      halv: weekly({ sun: ['02:30-03:30'] }),
      dobbelt: weekly({ sun: ['02:00-03:00'] }),
    }),
  );

  test('a night interval across the spring change lasts two real hours, across the autumn change four', () => {
    expect(spans(e, 'nat', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toEqual([
      ['2026-03-29T01:00:00+01:00', '2026-03-29T04:00:00+02:00', 120],
    ]);
    expect(spans(e, 'nat', '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toEqual([
      ['2026-10-25T01:00:00+02:00', '2026-10-25T04:00:00+01:00', 240],
    ]);
  });

  test('an interval wholly in the skipped hour does not happen that day', () => {
    expect(spans(e, 'hul', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toEqual([]);
    expect(isoOrNull(e.status('hul', t('2026-03-29T01:30:00+01:00')).nextOpening)).toBe('2026-03-30T09:00:00+02:00');
  });

  test('an interval starting in the skipped hour starts when the clock jumps', () => {
    expect(spans(e, 'halv', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toEqual([
      ['2026-03-29T03:00:00+02:00', '2026-03-29T03:30:00+02:00', 30],
    ]);
  });

  test('the repeated hour in autumn is open for both of its passes', () => {
    expect(spans(e, 'dobbelt', '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toEqual([
      ['2026-10-25T02:00:00+02:00', '2026-10-25T03:00:00+01:00', 120],
    ]);
    expect(e.status('dobbelt', t('2026-10-25T02:30:00+01:00')).open).toBe(true);
  });
});
