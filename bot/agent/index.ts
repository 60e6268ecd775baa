/**
 * The hotline agent console (issue 8): `/agent` for Borgerservice's and Den Digitale Hotline's
 * agents — one search over every unit, the unit card, the callback queue — behind sign-in, with
 * every look at a citizen's phone number in the audit log. API: bot/agent/API.md.
 */
export { AgentStore, DEFAULT_BCRYPT_COST, passwordProblem, type AddAgentResult, type Agent } from './agent-store';
export { AuditLog, AuditAction, type AuditEntry } from './audit-log';
export { SessionStore, SESSION_TTL_MS, type Session } from './session-store';
export { UnitSearch, type SearchHit } from './unit-search';
export { unitCard, type UnitCard } from './unit-card';
export { SESSION_COOKIE } from './http-kit';
export type { AgentRoutesDeps } from './context';
export { registerAgentRoutes } from './register-agent-routes';
