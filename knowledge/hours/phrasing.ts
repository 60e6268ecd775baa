import type { DateTime } from 'luxon';
import { ZONE } from '../clock';
import type { Lang } from '../schema/unit';
import type { HoursStatus } from './engine';
import { localDayOf } from './local-day';

/**
 * Hours in words for citizens, Danish and English (issue 2: "Åbent nu – lukker kl. 16.00",
 * "Closed – opens Thursday at 9 am"). Names are spelled out here rather than taken from Intl so
 * the wording does not depend on the ICU data of the machine.
 */

const WEEKDAY_NAMES: Record<Lang, readonly string[]> = {
  da: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const MONTH_NAMES: Record<Lang, readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Beyond this many days a date names its year too ("mandag 4. januar 2027"). */
const YEAR_AFTER_DAYS = 183;

/** Danish and English weekday names, Monday first (Danish in lower case, as written mid-sentence). */
export function weekdayName(t: DateTime, lang: Lang): string {
  return WEEKDAY_NAMES[lang][localDayOf(t).weekday] as string;
}

/** "9.00", "17.15" / "9 am", "5:15 pm", "12 noon": the time of day without "kl."/"at". */
export function clockTime(t: DateTime, lang: Lang): string {
  const local = t.setZone(ZONE);
  const mm = String(local.minute).padStart(2, '0');
  if (lang === 'da') return `${local.hour}.${mm}`;
  // "12 pm" is read both ways; "12 noon" is not.
  if (local.hour === 12 && local.minute === 0) return '12 noon';
  const h12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  const suffix = local.hour < 12 ? 'am' : 'pm';
  return local.minute === 0 ? `${h12} ${suffix}` : `${h12}:${mm} ${suffix}`;
}

/** da "kl. 9.00", "kl. 17.15"; en "9 am", "5:15 pm", "4 pm". */
export function formatTime(t: DateTime, lang: Lang): string {
  return lang === 'da' ? `kl. ${clockTime(t, lang)}` : clockTime(t, lang);
}

/** "torsdag 24. december" / "Thursday 24 December", with the year when `withYear`. */
export function formatDate(t: DateTime, lang: Lang, withYear = false): string {
  const day = localDayOf(t);
  const month = MONTH_NAMES[lang][day.month - 1] as string;
  const date = lang === 'da' ? `${day.day}. ${month}` : `${day.day} ${month}`;
  return `${weekdayName(t, lang)} ${date}${withYear ? ` ${day.year}` : ''}`;
}

/**
 * `t`'s day as seen from `at`, by Aarhus calendar days: "i dag", "i morgen", a weekday name within
 * the coming week ("torsdag"), else a date ("torsdag 24. december"); en "today", "tomorrow",
 * "Thursday", "Thursday 24 December".
 */
export function formatDayRelative(t: DateTime, at: DateTime, lang: Lang): string {
  const days = localDayOf(t).epochDay - localDayOf(at).epochDay;
  if (days === 0) return lang === 'da' ? 'i dag' : 'today';
  if (days === 1) return lang === 'da' ? 'i morgen' : 'tomorrow';
  if (days > 1 && days <= 6) return weekdayName(t, lang);
  return formatDate(t, lang, Math.abs(days) > YEAR_AFTER_DAYS);
}

/** "i dag kl. 16.00", "torsdag kl. 9.00"; en "today at 4 pm", "Thursday at 9 am". `omitToday` drops "i dag"/"today". */
function dayAndTime(t: DateTime, at: DateTime, lang: Lang, omitToday: boolean): string {
  const day = omitToday && localDayOf(t).epochDay === localDayOf(at).epochDay ? '' : `${formatDayRelative(t, at, lang)} `;
  return lang === 'da' ? `${day}${formatTime(t, lang)}` : `${day}at ${formatTime(t, lang)}`;
}

/**
 * One sentence for a status at `at`: "Åbent nu – lukker kl. 16.00", "Lukket nu – åbner torsdag
 * kl. 9.00", "Open now – closes at 4 pm", "Closed – opens tomorrow at 9 am", "Åbent døgnet rundt";
 * for unknown hours it says so rather than guess.
 */
export function describeStatus(status: HoursStatus, at: DateTime, lang: Lang): string {
  const da = lang === 'da';
  switch (status.kind) {
    case 'always-open':
      return da ? 'Åbent døgnet rundt' : 'Open around the clock';
    case 'unknown':
      return da
        ? 'Telefontiden kendes ikke, så vi kan ikke sige, om der er åbent nu'
        : 'The phone hours are not known, so we cannot say whether the line is open now';
    case 'scheduled':
      if (status.open) {
        if (!status.closesAt) return da ? 'Åbent nu' : 'Open now';
        const closes = dayAndTime(status.closesAt, at, lang, true);
        return da ? `Åbent nu – lukker ${closes}` : `Open now – closes ${closes}`;
      }
      if (!status.nextOpening) {
        return da ? 'Lukket nu – åbner ikke inden for det næste år' : 'Closed – not open at any time in the coming year';
      }
      {
        const opens = dayAndTime(status.nextOpening, at, lang, false);
        return da ? `Lukket nu – åbner ${opens}` : `Closed – opens ${opens}`;
      }
  }
}
