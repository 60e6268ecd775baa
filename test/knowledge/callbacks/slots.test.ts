import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { cutSlots, freeSlots } from '../../../knowledge/callbacks/slots';
import { weekWindows } from '../../../knowledge/callbacks/windows';
import { ZONE } from '../../../knowledge/clock';

const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: ZONE });
const starts = (slots: readonly { start: DateTime }[]): string[] => slots.map((s) => s.start.toFormat("ccc HH:mm"));

describe('cutSlots', () => {
  test('cuts a window from its start and drops a last slot that does not fit', () => {
    const slots = cutSlots([{ start: at('2026-12-03T16:00'), end: at('2026-12-03T17:15') }], 30, at('2026-12-03T08:00'));
    expect(starts(slots)).toEqual(['Thu 16:00', 'Thu 16:30']);
    expect(slots[1]?.end.toISO()).toBe('2026-12-03T17:00:00.000+01:00');
  });

  test('keeps only slots starting at or after the earliest instant, aligned to the window', () => {
    const slots = cutSlots([{ start: at('2026-12-03T09:00'), end: at('2026-12-03T11:00') }], 15, at('2026-12-03T10:22'));
    expect(starts(slots)).toEqual(['Thu 10:30', 'Thu 10:45']);
  });

  test('counts real minutes across the spring change to summer time', () => {
    const slots = cutSlots([{ start: at('2026-03-29T01:30'), end: at('2026-03-29T03:30') }], 15, at('2026-03-29T00:00'));
    expect(slots.map((s) => s.start.toISO())).toEqual([
      '2026-03-29T01:30:00.000+01:00',
      '2026-03-29T01:45:00.000+01:00',
      '2026-03-29T03:00:00.000+02:00',
      '2026-03-29T03:15:00.000+02:00',
    ]);
  });
});

describe('freeSlots', () => {
  test('subtracts open bookings from the capacity and leaves out full slots', () => {
    const slots = cutSlots([{ start: at('2026-12-03T09:00'), end: at('2026-12-03T10:00') }], 15, at('2026-12-03T08:00'));
    const booked = new Map([
      [at('2026-12-03T09:00').toMillis(), 2],
      [at('2026-12-03T09:15').toMillis(), 1],
    ]);
    expect(freeSlots(slots, 2, booked).map((s) => [s.start.toFormat('HH:mm'), s.free])).toEqual([
      ['09:15', 1],
      ['09:30', 2],
      ['09:45', 2],
    ]);
  });
});

describe('weekWindows', () => {
  test('closes on public holidays and 24 December under the standard policy', () => {
    const week = { mon: ['17:00-19:00'], tue: ['17:00-19:00'], wed: ['17:00-19:00'], thu: ['17:00-19:00'], fri: ['17:00-19:00'] };
    const windows = weekWindows(week, 'standard', at('2026-12-23T00:00'), at('2026-12-29T00:00'));
    expect(windows.map((w) => w.start.toFormat('yyyy-MM-dd HH:mm'))).toEqual(['2026-12-23 17:00', '2026-12-28 17:00']);
  });

  test('stays open on holidays when the policy says so', () => {
    const windows = weekWindows({ thu: ['17:00-19:00'] }, 'open-on-holidays', at('2026-12-24T00:00'), at('2026-12-25T00:00'));
    expect(windows).toHaveLength(1);
  });

  test('closes from 12:00 on Grundlovsdag', () => {
    const windows = weekWindows({ fri: ['09:00-16:00'] }, 'standard', at('2026-06-05T00:00'), at('2026-06-06T00:00'));
    expect(windows.map((w) => `${w.start.toFormat('HH:mm')}-${w.end.toFormat('HH:mm')}`)).toEqual(['09:00-12:00']);
  });

  test('clips to the range asked for and merges windows that touch', () => {
    const windows = weekWindows({ mon: ['09:00-10:00', '10:00-11:00', '13:00-14:00'] }, 'standard', at('2026-12-07T09:30'), at('2026-12-07T13:30'));
    expect(windows.map((w) => `${w.start.toFormat('HH:mm')}-${w.end.toFormat('HH:mm')}`)).toEqual(['09:30-11:00', '13:00-13:30']);
  });
});
