import { DateTime } from 'luxon';
import { AuditAction, AuditLog, type AuditEntry } from '../../agent/audit-log';
import { withDatabase } from '../../agent/cli-database';
import { parseInstant, ZONE } from '../../../knowledge/clock';
import { IsoDate } from '../../../knowledge/schema/unit';
import { parseArgs, UsageError, writeLine, type Command } from '../io';

export const summary = 'audit [--since D] [--action A] [--json]  (who saw which citizen\'s phone number, and when)';

const USAGE = 'usage: frontdoor audit [--since YYYY-MM-DD|ISO-instant] [--action A] [--json]';

/**
 * `audit`: the agent console's audit log, oldest first — every time a citizen's phone number was
 * shown (`phone_shown`), and sign-ins, sign-outs, claims and completions. `--since` takes a day
 * (from its start in Aarhus) or an instant. The log holds references, never phone numbers.
 * `--json` gives `[{"at","agent","action","reference","unit","detail"}]`.
 */
export const run: Command = async (args, io) => {
  const { positional, values, switches } = parseArgs(args, { values: ['since', 'action'], switches: ['json'] });
  if (positional.length > 0) throw new UsageError(USAGE);
  const sinceText = values.get('since');
  const since = sinceText === undefined ? undefined : parseSince(sinceText);
  const actionText = values.get('action');
  const action = actionText === undefined ? undefined : AuditAction.safeParse(actionText);
  if (action !== undefined && !action.success) throw new UsageError(`--action must be one of ${AuditAction.options.join(', ')}`);
  return withDatabase(io, 'audit', async (db) => {
    const entries = await new AuditLog(db).list({ ...(since && { since }), ...(action?.success && { action: action.data }) });
    if (switches.has('json')) writeLine(io.stdout, JSON.stringify(entries.map(jsonRow)));
    else if (entries.length === 0) writeLine(io.stdout, 'no audit entries');
    else for (const e of entries) writeLine(io.stdout, line(e));
    return 0;
  });
};

function parseSince(text: string): DateTime {
  if (IsoDate.safeParse(text).success) return DateTime.fromISO(text, { zone: ZONE }).startOf('day');
  const instant = /T/.test(text) ? parseInstant(text) : undefined;
  if (instant === undefined) throw new UsageError(`--since must be a day (YYYY-MM-DD) or an ISO 8601 instant, not "${text}"`);
  return instant;
}

function jsonRow(e: AuditEntry): Record<string, string | null> {
  return { at: e.at.toISO({ suppressMilliseconds: true }), agent: e.agent, action: e.action, reference: e.reference, unit: e.unit, detail: e.detail };
}

function line(e: AuditEntry): string {
  return [e.at.setZone(ZONE).toFormat('yyyy-MM-dd HH:mm:ss'), e.agent, e.action.padEnd(11), e.reference ?? '-', e.unit ?? '-', e.detail ?? '']
    .join('  ')
    .trimEnd();
}
