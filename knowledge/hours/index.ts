/**
 * The phone-hours engine: open or not, when a line closes or opens next, the open windows, and the
 * same in words (Danish and English). Framework-free; luxon in Europe/Copenhagen.
 */
export { HoursEngine, SEARCH_DAYS, type DayHours, type HoursStatus, type OpenWindow } from './engine';
export { holidayOn, type Holiday } from './holidays';
export { describeStatus, formatDate, formatDayRelative, formatTime } from './phrasing';
export { describeWeek } from './describe-week';
export type { Lang } from '../schema/unit';
