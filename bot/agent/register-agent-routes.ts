import type { Server } from 'restify';
import { clientAddress } from '../http/rate-limit';
import { AgentStore } from './agent-store';
import { registerAgentApi } from './api-routes';
import { AuditLog } from './audit-log';
import type { AgentContext, AgentRoutesDeps } from './context';
import { LoginLimiter, PER_ADDRESS, PER_NAME_AND_ADDRESS } from './login-limiter';
import { registerAgentPages } from './page-routes';
import { SessionStore } from './session-store';
import { UnitSearch } from './unit-search';
import { loadWebFiles } from './web-files';

/** Registers the console's pages (`/agent`, `/agent/login`, `/agent/logout`) and its API (`/api/agent/...`). */
export function registerAgentRoutes(server: Server, deps: AgentRoutesDeps): void {
  const publicUrl = deps.publicUrl?.trim() || undefined;
  const ctx: AgentContext = {
    deps,
    agents: new AgentStore(deps.db),
    sessions: new SessionStore(deps.db, { secret: deps.sessionSecret ?? '', ...(deps.wallClock && { now: deps.wallClock }) }),
    audit: new AuditLog(deps.db),
    search: new UnitSearch(deps.kb, deps.triage),
    files: loadWebFiles(),
    limits: {
      perName: new LoginLimiter(deps.loginLimits?.perName ?? PER_NAME_AND_ADDRESS),
      perAddress: new LoginLimiter(deps.loginLimits?.perAddress ?? PER_ADDRESS),
    },
    publicOrigin: publicUrl === undefined ? undefined : new URL(publicUrl).origin,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    clientKey: deps.clientKey ?? clientAddress,
  };
  registerAgentPages(server, ctx);
  registerAgentApi(server, ctx);
}

