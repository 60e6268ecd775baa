/**
 * CPR numbers: DDMMYY-SSSS, written with a dash, a space or nothing between the parts. A match needs a
 * valid day for its month (29 February always passes: the century is in the serial, not worth guessing).
 * The modulus-11 check is deliberately NOT used: numbers that fail it have been issued since 2007.
 *
 * Not a CPR number: longer digit runs (account numbers), ISO dates (2024-06-05 has no six-digit run),
 * phone numbers (eight digits, "89 40 20 00").
 */
const CPR = /(?<![\d\-–/.])(\d{2})(\d{2})(\d{2})[ \-–]?(\d{4})(?![\d\-–/])/g;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(day: number, month: number): boolean {
  const max = DAYS_IN_MONTH[month - 1];
  return max !== undefined && day >= 1 && day <= max;
}

/** Replaces every CPR number in `text` with "[CPR]"; `found` tells the caller to warn the citizen. */
export function redactCpr(text: string): { text: string; found: boolean } {
  let found = false;
  const redacted = text.replace(CPR, (match, dd: string, mm: string) => {
    if (!validDate(Number(dd), Number(mm))) return match;
    found = true;
    return '[CPR]';
  });
  return { text: redacted, found };
}
