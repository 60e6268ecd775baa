import type { DateTime } from 'luxon';
import type { Lang } from '../schema/unit';
import type { HoursEngine, OpenWindow } from './engine';
import { clockTime, formatDate, weekdayName } from './phrasing';
import { localDayOf } from './local-day';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "9.00–11.00"; an end at the next midnight reads "24.00" / "midnight", not "0.00". */
function windowText(w: OpenWindow, lang: Lang): string {
  const endsAtMidnight = localDayOf(w.end).epochDay !== localDayOf(w.start).epochDay;
  const end = endsAtMidnight ? (lang === 'da' ? '24.00' : 'midnight') : clockTime(w.end, lang);
  return `${clockTime(w.start, lang)}–${end}`;
}

/**
 * The week containing `at`, one line per day from Monday: "Mandag: 9.00–11.00", "Tirsdag: lukket",
 * today marked "(i dag)"/"(today)", a holiday dated and named: "Fredag 25. december: lukket (Juledag)".
 */
export function describeWeek(engine: HoursEngine, unitId: string, at: DateTime, lang: Lang): string[] {
  const da = lang === 'da';
  const kind = engine.hoursUnit(unitId).hours.kind;
  const today = localDayOf(at).epochDay;
  return engine.week(unitId, at).map((day) => {
    const label = capitalize(day.holiday ? formatDate(day.date, lang) : weekdayName(day.date, lang));
    const mark = localDayOf(day.date).epochDay === today ? (da ? ' (i dag)' : ' (today)') : '';
    let hours: string;
    if (kind === 'always-open') hours = da ? 'døgnet rundt' : 'around the clock';
    else if (kind === 'unknown') hours = da ? 'telefontid ukendt' : 'phone hours not known';
    else if (day.windows.length === 0) hours = da ? 'lukket' : 'closed';
    else hours = day.windows.map((w) => windowText(w, lang)).join(', ');
    const holiday = day.holiday ? ` (${day.holiday[lang]})` : '';
    return `${label}${mark}: ${hours}${holiday}`;
  });
}
