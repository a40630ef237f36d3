import { z } from 'zod';
import path from 'node:path';

/** The only module that reads process.env: every setting, parsed and defaulted once. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  SEED_DEMO: z.enum(['0', '1']).optional(),
  SIGN_UP: z.enum(['open', 'invite']).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('TalentBridge <no-reply@talentbridge.local>'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TEST_DATABASE_URL: z.string().optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  BACKUP_DIR: z.string().default('./backups'),
  WORKER_THREADS: z.coerce.number().int().min(1).max(32).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** undefined: decided by the database mode (embedded seeds, server does not). */
  seedDemo: boolean | undefined;
  signUpOpen: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  /** Reverse proxies in front of the app whose X-Forwarded-For may be believed (0: none). */
  trustProxyHops: number;
  /** Where `npm run backup` writes when no --out is given. */
  backupDir: string;
  /** Threads for PDF rendering and file text (undefined: one fewer than the cores, 1 to 4). */
  workerThreads: number | undefined;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${detail}`);
  }
  const env = parsed.data;
  const embedded = !env.DATABASE_URL;
  return {
    nodeEnv: env.NODE_ENV,
    production: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR),
    seedDemo: env.SEED_DEMO === undefined ? undefined : env.SEED_DEMO === '1',
    // Open sign-up is the embedded demo's default; a server deployment joins by invitation.
    signUpOpen: env.SIGN_UP ? env.SIGN_UP === 'open' : embedded && env.NODE_ENV !== 'production',
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    backupDir: path.resolve(env.BACKUP_DIR),
    workerThreads: env.WORKER_THREADS,
  };
}

/** Test-only settings, read here so no other module touches process.env. */
export function testSettings(): { dbMode: 'pglite' | 'postgres'; databaseUrl: string | undefined } {
  return {
    dbMode: process.env.TB_TEST_DB === 'postgres' ? 'postgres' : 'pglite',
    databaseUrl: process.env.TEST_DATABASE_URL || undefined,
  };
}
