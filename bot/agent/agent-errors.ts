import { ERRORS } from '../../knowledge/errors';
import type { Lang } from '../../knowledge/schema/unit';

/**
 * Error codes only the agent console answers with, in the catalogue's shape (status, Danish,
 * English). They speak to agents, not citizens, and sit here rather than in knowledge/errors.ts
 * (which is about citizens' errors); every other code comes from that catalogue.
 */
export const AGENT_ERRORS = {
  unauthorized: {
    status: 401,
    da: 'Du er ikke logget ind, eller din session er udløbet. Log ind igen.',
    en: 'You are not signed in, or your session has expired. Please sign in again.',
  },
  invalid_credentials: {
    status: 401,
    da: 'Forkert brugernavn eller adgangskode.',
    en: 'Wrong user name or password.',
  },
  csrf_rejected: {
    status: 403,
    da: 'Handlingen blev afvist af sikkerhedshensyn. Genindlæs siden, og prøv igen.',
    en: 'The action was refused for security reasons. Reload the page and try again.',
  },
  agent_storage_unavailable: {
    status: 503,
    da: 'Databasen svarer ikke lige nu. Prøv igen om lidt.',
    en: 'The database is not answering right now. Please try again shortly.',
  },
} as const;

type CitizenCode =
  | 'invalid_request'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unknown_unit'
  | 'invalid_state'
  | 'invalid_note'
  | 'rate_limited'
  | 'internal_error';

export type AgentErrorCode = keyof typeof AGENT_ERRORS | CitizenCode;

function spec(code: AgentErrorCode): { readonly status: number; readonly da: string; readonly en: string } {
  return code in AGENT_ERRORS ? AGENT_ERRORS[code as keyof typeof AGENT_ERRORS] : ERRORS[code as CitizenCode];
}

export function agentErrorStatus(code: AgentErrorCode): number {
  return spec(code).status;
}

/** `{"error": code, "message": …}`, as every Frontdoor API answers an error. */
export function agentErrorBody(code: AgentErrorCode, lang: Lang): { error: AgentErrorCode; message: string } {
  return { error: code, message: spec(code)[lang] };
}
