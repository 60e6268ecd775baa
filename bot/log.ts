/**
 * A small structured logger: one JSON line per event on stderr. Logs carry codes and context,
 * never what a citizen typed; as a second line of defence anything that looks like a CPR or phone
 * number is masked before it is written.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const PREFIXED_PHONE = /(?:\+45|\b0045)\s?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b/g;
const CPR = /\b\d{6}[-\s]?\d{4}\b/g;
const PHONE = /\b\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b/g;

export function redactForLog(value: string): string {
  return value.replace(PREFIXED_PHONE, '[NUMBER]').replace(CPR, '[CPR]').replace(PHONE, '[NUMBER]');
}

export function createLogger(level: 'info' | 'debug' | 'silent', write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (lvl: string, event: string, fields: Record<string, unknown> = {}): void => {
    if (level === 'silent') return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, event, ...fields });
    write(`${redactForLog(line)}\n`);
  };
  return { info: (e, f) => emit('info', e, f), error: (e, f) => emit('error', e, f) };
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
