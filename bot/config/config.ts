import { z } from 'zod';
import { parseInstant } from '../../knowledge/clock';

/**
 * The server's configuration, read from the environment once at start-up (fastify's
 * initial-config-validation): a bad value stops the process with one clear line.
 */
const Env = z.object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  FRONTDOOR_NOW: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === '' || parseInstant(v) !== undefined, 'must be an ISO 8601 instant, e.g. 2026-12-03T16:30:00+01:00'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL'),
  FRONTDOOR_DATA_DIR: z.string().min(1).default('./data'),
  FRONTDOOR_KB_DIR: z.string().min(1).optional(),
  FRONTDOOR_PURGE_DAYS: z.coerce.number({ error: 'must be a number of days' }).int().min(1).max(3650).default(30),
  FRONTDOOR_MAX_TEXT: z.coerce.number({ error: 'must be a number' }).int().min(100).max(20000).default(2000),
  DIRECT_LINE_SECRET: z.string().default(''),
  TWILIO_AUTH_TOKEN: z.string().default(''),
  PUBLIC_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL'),
  FRONTDOOR_SESSION_SECRET: z.string().default(''),
  FRONTDOOR_VOICE_DA: z.string().min(1).default('da-DK-ChristelNeural'),
  FRONTDOOR_VOICE_EN: z.string().min(1).default('en-GB-SoniaNeural'),
  FRONTDOOR_LOG: z.enum(['info', 'debug', 'silent']).default('info'),
});

export type Config = Readonly<z.infer<typeof Env>>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses the environment; the failure message names the variable and what is wrong, on one line. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `invalid configuration: ${issue.path.join('.')} ${issue.message}` };
  }
  return { ok: true, config: Object.freeze(parsed.data) };
}

/** Bot Framework authentication is on when an app id is configured; anonymous locally. */
export function authEnabled(config: Config): boolean {
  return config.MicrosoftAppId !== '';
}
