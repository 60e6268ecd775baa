import type { DateTime } from 'luxon';
import { maskPhone } from '../../../knowledge/callbacks/phone';
import { BookingStatus, type Booking } from '../../../knowledge/callbacks/booking';
import { CallbackService, DEFAULT_PURGE_DAYS } from '../../../knowledge/callbacks/service';
import { ZONE } from '../../../knowledge/clock';
import { HoursEngine } from '../../../knowledge/hours';
import { formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { IsoDate } from '../../../knowledge/schema/unit';
import { clockFromEnv } from '../../config/clock-from-env';
import { SqlCallbackRepository } from '../../storage/callback-repository';
import type { Database } from '../../storage/database';
import { openStorage } from '../../storage/open';
import { parseArgs, UsageError, writeLine, type CliIo, type Command } from '../io';

export const summary = 'callbacks list [--unit U] [--date YYYY-MM-DD] [--status S] [--json] | callbacks purge';

const USAGE = 'usage: frontdoor callbacks list [--unit U] [--date YYYY-MM-DD] [--status S] [--json] | frontdoor callbacks purge';

/**
 * `callbacks list`: booked callbacks in slot order; `--json` gives `[{"reference","unit","slotStart","status"}]`
 * and no personal data, the table shows the phone masked but for the last two digits.
 * `callbacks purge`: expires what was left open on earlier days, then erases personal data of
 * callbacks that ended more than FRONTDOOR_PURGE_DAYS (default 30) days ago.
 * Storage: DATABASE_URL, else PGlite in FRONTDOOR_DATA_DIR (./data). Time: FRONTDOOR_NOW.
 */
export const run: Command = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { positional, values, switches } = parseArgs(rest, { values: ['unit', 'date', 'status'], switches: ['json'] });
    if (positional.length > 0) throw new UsageError(USAGE);
    const date = values.get('date');
    if (date !== undefined && !IsoDate.safeParse(date).success) throw new UsageError(`--date must be YYYY-MM-DD, not "${date}"`);
    const status = values.get('status');
    if (status !== undefined && !BookingStatus.safeParse(status).success) {
      throw new UsageError(`--status must be one of ${BookingStatus.options.join(', ')}`);
    }
    return withService(io, async (service) => {
      const result = await service.list({ unit: values.get('unit'), date, ...(status !== undefined && { statuses: [BookingStatus.parse(status)] }) });
      if (!result.ok) {
        if (result.reason === 'unknown_unit') throw new UsageError(`unknown unit "${values.get('unit')}"`);
        writeLine(io.stderr, `frontdoor callbacks: ${result.reason}`);
        return 1;
      }
      if (switches.has('json')) writeLine(io.stdout, JSON.stringify(result.bookings.map(jsonRow)));
      else if (result.bookings.length === 0) writeLine(io.stdout, 'no callbacks');
      else for (const b of result.bookings) writeLine(io.stdout, tableRow(b));
      return 0;
    });
  }
  if (sub === 'purge') {
    const { positional } = parseArgs(rest, {});
    if (positional.length > 0) throw new UsageError(USAGE);
    const days = purgeDays(io.env.FRONTDOOR_PURGE_DAYS);
    return withService(io, async (service) => {
      const result = await service.purge(days);
      if (!result.ok) {
        writeLine(io.stderr, `frontdoor callbacks: ${result.reason}`);
        return 1;
      }
      writeLine(
        io.stdout,
        `purged ${result.purged} ${result.purged === 1 ? 'callback' : 'callbacks'} that ended more than ${days} days ago; ` +
          `${result.expired} left open from earlier days expired`,
      );
      return 0;
    });
  }
  throw new UsageError(USAGE);
};

function purgeDays(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_PURGE_DAYS;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UsageError(`FRONTDOOR_PURGE_DAYS must be a whole number of days from 1 to 3650, not "${text}"`);
  return days;
}

async function withService(io: CliIo, work: (service: CallbackService) => Promise<number>): Promise<number> {
  const clock = clockFromEnv(io.env);
  const kbDir = io.env.FRONTDOOR_KB_DIR;
  const loaded = kbDir === undefined || kbDir === '' ? loadKnowledgeBase() : loadKnowledgeBase(kbDir);
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p));
    return 1;
  }
  let db: Database;
  try {
    db = await openStorage(io.env);
  } catch (error) {
    // The driver's message may carry the connection string; the error's code is enough to act on.
    const code = (error as { code?: unknown }).code;
    writeLine(io.stderr, `frontdoor callbacks: storage unavailable${typeof code === 'string' ? ` (${code})` : ''}`);
    return 1;
  }
  try {
    const service = new CallbackService({ kb: loaded.kb, hours: new HoursEngine(loaded.kb), repo: new SqlCallbackRepository(db), clock });
    return await work(service);
  } finally {
    await db.close();
  }
}

function instant(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

function jsonRow(b: Booking): { reference: string; unit: string; slotStart: string; status: string } {
  return { reference: b.reference, unit: b.unit, slotStart: instant(b.slotStart), status: b.status };
}

function tableRow(b: Booking): string {
  const slot = b.slotStart.setZone(ZONE).toFormat('yyyy-MM-dd HH:mm');
  const phone = b.phone === null ? '(purged)' : maskPhone(b.phone);
  return [b.reference, slot, b.unit.padEnd(24), b.status.padEnd(9), phone].join('  ');
}
