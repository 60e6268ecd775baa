import type { Lang } from './schema/unit';

/**
 * The one catalogue of error codes (after fastify's `lib/errors.js`): each code has the HTTP
 * status an API answers with and a message a citizen can read, in Danish and English. Dialogs and
 * HTTP routes take their wording from here, so a citizen hears the same thing on every channel.
 * Messages never contain the citizen's own data (no phone numbers, no CPR numbers).
 *
 * Add a code by adding an entry; `ErrorCode` follows.
 */
export const ERRORS = {
  invalid_request: {
    status: 400,
    da: 'Forespørgslen kunne ikke læses. Tjek at alle felter er udfyldt korrekt.',
    en: 'The request could not be read. Check that every field is filled in correctly.',
  },
  not_found: {
    status: 404,
    da: 'Vi kunne ikke finde det, du spurgte efter. Tjek referencen og telefonnummeret.',
    en: 'We could not find what you asked for. Check the reference and the phone number.',
  },
  method_not_allowed: {
    status: 405,
    da: 'Den handling findes ikke her.',
    en: 'That action is not available here.',
  },
  payload_too_large: {
    status: 413,
    da: 'Forespørgslen er for stor.',
    en: 'The request is too large.',
  },
  unknown_unit: {
    status: 404,
    da: 'Vi kender ikke den afdeling.',
    en: 'We do not know that department.',
  },
  no_callbacks: {
    status: 422,
    da: 'Den afdeling tilbyder desværre ikke at ringe op.',
    en: 'Unfortunately that department does not offer callbacks.',
  },
  invalid_phone: {
    status: 422,
    da: 'Telefonnummeret skal være et dansk nummer med 8 cifre, fx 21 43 65 87.',
    en: 'The phone number must be a Danish number with 8 digits, e.g. 21 43 65 87.',
  },
  invalid_slot: {
    status: 422,
    da: 'Det tidspunkt kan ikke vælges. Vælg et af de ledige tidspunkter.',
    en: 'That time cannot be chosen. Please pick one of the available times.',
  },
  invalid_name: {
    status: 422,
    da: 'Navnet må højst være 100 tegn og kun indeholde almindelig tekst.',
    en: 'The name may be at most 100 characters of plain text.',
  },
  invalid_topic: {
    status: 422,
    da: 'Emnet må højst være 500 tegn og kun indeholde almindelig tekst.',
    en: 'The topic may be at most 500 characters of plain text.',
  },
  invalid_note: {
    status: 422,
    da: 'Noten må højst være 1000 tegn og kun indeholde almindelig tekst.',
    en: 'The note may be at most 1000 characters of plain text.',
  },
  invalid_state: {
    status: 409,
    da: 'Opringningen kan ikke ændres, fordi den allerede er i gang eller afsluttet.',
    en: 'The callback cannot be changed because it is already in progress or has ended.',
  },
  slot_full: {
    status: 409,
    da: 'Det tidspunkt er desværre lige blevet optaget. Vælg et andet tidspunkt.',
    en: 'Sorry, that time has just been taken. Please choose another time.',
  },
  rate_limited: {
    status: 429,
    da: 'Der er kommet for mange forespørgsler på kort tid. Vent lidt, og prøv igen.',
    en: 'Too many requests in a short time. Please wait a moment and try again.',
  },
  storage_unavailable: {
    status: 503,
    da: 'Vi kunne desværre ikke bestille opringningen lige nu, så den er ikke registreret. Ring selv til os, når der er åbent, eller prøv igen senere.',
    en: 'Sorry, we could not book the callback right now, so it has not been registered. Please call us yourself when we are open, or try again later.',
  },
  internal_error: {
    status: 500,
    da: 'Der skete en fejl hos os. Prøv igen om lidt.',
    en: 'Something went wrong on our side. Please try again shortly.',
  },
  unauthorized: {
    status: 401,
    da: 'Chatten mangler adgang. Genindlæs siden for at starte en ny samtale.',
    en: 'The chat has no access. Reload the page to start a new conversation.',
  },
  forbidden: {
    status: 403,
    da: 'Chatten er udløbet eller hører til en anden samtale. Genindlæs siden for at starte en ny samtale.',
    en: 'The chat has expired or belongs to another conversation. Reload the page to start a new conversation.',
  },
  conversation_not_found: {
    status: 404,
    da: 'Samtalen findes ikke længere. Genindlæs siden for at starte en ny.',
    en: 'The conversation no longer exists. Reload the page to start a new one.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** One catalogue entry: the HTTP status and the citizen-facing message in both languages. */
export interface ErrorSpec {
  readonly status: number;
  readonly da: string;
  readonly en: string;
}

export type ErrorCode = keyof typeof ERRORS;

/** The citizen-facing message for a code. */
export function errorMessage(code: ErrorCode, lang: Lang = 'da'): string {
  return ERRORS[code][lang];
}

/** The HTTP status for a code. */
export function errorStatus(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** The JSON body every API answers an error with: `{"error": code, "message": …}`. */
export function errorBody(code: ErrorCode, lang: Lang = 'da'): { error: ErrorCode; message: string } {
  return { error: code, message: errorMessage(code, lang) };
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERRORS, value);
}
