import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { ZONE } from '../../../knowledge/clock';
import { resolveTime } from '../../../knowledge/triage';

// Tuesday 1 December 2026, 14:00 in Aarhus.
const NOW = DateTime.fromISO('2026-12-01T14:00:00', { zone: ZONE });
const local = (iso: string): string => DateTime.fromISO(iso, { zone: ZONE }).toISO() as string;

function resolved(text: string, now: DateTime = NOW, lang: 'da' | 'en' = 'da'): { start: string; end: string | null } | null {
  const r = resolveTime(text, now, lang);
  return r === null ? null : { start: r.start.toISO() as string, end: r.end?.toISO() ?? null };
}

describe('resolveTime', () => {
  test.each([
    ['kan jeg ringe til pladsanvisningen torsdag kl. 16.30?', '2026-12-03T16:30', null],
    ['i morgen kl. 10', '2026-12-02T10:00', null],
    ['tomorrow at 9', '2026-12-02T09:00', null],
    ['torsdag eftermiddag', '2026-12-03T12:00', '2026-12-03T17:00'],
    ['on Sunday evening', '2026-12-06T17:00', '2026-12-06T22:00'],
    ['efter kl. 16', '2026-12-01T16:00', '2026-12-02T00:00'],
    ['kl. 16.30', '2026-12-01T16:30', null],
    ['kl. 10', '2026-12-02T10:00', null],
    ['i dag', '2026-12-01T14:00', '2026-12-02T00:00'],
    ['nu', '2026-12-01T14:00', null],
    ['next Monday', '2026-12-07T00:00', '2026-12-08T00:00'],
    ['næste tirsdag', '2026-12-08T00:00', '2026-12-09T00:00'],
    ['tirsdag kl. 9', '2026-12-08T09:00', null],
    ['tirsdag kl. 15', '2026-12-01T15:00', null],
    ['24. december', '2026-12-24T00:00', '2026-12-25T00:00'],
    ['24/12', '2026-12-24T00:00', '2026-12-25T00:00'],
    ['i aften', '2026-12-01T17:00', '2026-12-01T22:00'],
    ['i nat', '2026-12-01T22:00', '2026-12-02T06:00'],
    ['i morgen formiddag', '2026-12-02T09:00', '2026-12-02T12:00'],
    ['halv 10 i morgen', '2026-12-02T09:30', null],
    ['mellem kl. 10 og 12 på fredag', '2026-12-04T10:00', '2026-12-04T12:00'],
    ['torsdag eftermiddag kl. 4', '2026-12-03T16:00', null],
    ['at 4 pm on Friday', '2026-12-04T16:00', null],
    ['5 January', '2027-01-05T00:00', '2027-01-06T00:00'],
  ])('resolves %j against Tuesday 14:00', (text, start, end) => {
    expect(resolved(text)).toEqual({ start: local(start), end: end === null ? null : local(end) });
  });

  test.each([['hvad koster et nyt pas'], ['efter 3 uger'], ['vi har 2 børn'], ['God morgen, jeg har et spørgsmål']])(
    'finds no time in %j',
    (text) => {
      expect(resolveTime(text, NOW, 'da')).toBeNull();
    },
  );

  test('resolves against the clock in Europe/Copenhagen across the change to summer time', () => {
    const saturday = DateTime.fromISO('2026-03-28T12:00:00', { zone: ZONE });
    expect(resolved('søndag kl. 10', saturday)).toEqual({ start: local('2026-03-29T10:00'), end: null });
    expect(resolveTime('søndag kl. 10', saturday, 'da')?.start.offset).toBe(120);
  });

  test('keeps the words it read', () => {
    expect(resolveTime('Kan jeg ringe torsdag kl. 16.30?', NOW, 'da')?.text).toBe('torsdag kl 16:30');
  });
});
