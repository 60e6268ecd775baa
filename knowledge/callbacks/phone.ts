/**
 * Danish phone numbers as citizens type or say them: "21 43 65 87", "+45 12345678",
 * "0045-12-34-56-78", "(+45) 12.34.56.78". Danish subscriber numbers have 8 digits and never
 * start with 0 or 1 (0 is the trunk prefix abroad, 1xx are short codes such as 112 and 114).
 */
export type PhoneResult =
  | { readonly ok: true; readonly e164: string; readonly display: string }
  | { readonly ok: false; readonly reason: 'invalid_phone' };

/** Longer input is not a phone number; keeps the regexes below cheap on hostile input. */
const MAX_INPUT = 40;

export function normalizeDanishPhone(text: string): PhoneResult {
  const invalid = { ok: false, reason: 'invalid_phone' } as const;
  if (text.length > MAX_INPUT) return invalid;
  const trimmed = text.trim();
  // Only digits, one leading "+", and the separators people write; letters mean it is not a number.
  if (!/^\(?\+?[\d\s().-]+$/.test(trimmed)) return invalid;
  const plus = /^\(?\+/.test(trimmed);
  const digits = trimmed.replace(/\D/g, '');
  let national: string;
  if (plus) {
    if (!digits.startsWith('45') || digits.length !== 10) return invalid;
    national = digits.slice(2);
  } else if (digits.length === 12 && digits.startsWith('0045')) {
    national = digits.slice(4);
  } else if (digits.length === 10 && digits.startsWith('45')) {
    national = digits.slice(2);
  } else if (digits.length === 8) {
    national = digits;
  } else {
    return invalid;
  }
  if (!/^[2-9]\d{7}$/.test(national)) return invalid;
  return { ok: true, e164: `+45${national}`, display: `+45 ${pairs(national)}` };
}

/** "+4512345678" -> "+45 •• •• •• 78": enough for a citizen or agent to recognise, not to dial. */
export function maskPhone(e164: string): string {
  const national = e164.replace(/^\+45/, '');
  const last = national.slice(-2).padStart(2, '•');
  return `+45 •• •• •• ${last}`;
}

/** "+4512345678" -> "+45 12 34 56 78". */
export function displayPhone(e164: string): string {
  return `+45 ${pairs(e164.replace(/^\+45/, ''))}`;
}

function pairs(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}
