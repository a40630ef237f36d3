import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { loadConfig, type Config } from '../env.js';
import { seedDemo } from '../seed/index.js';
import { DEMO_PASSWORD } from '../seed/la-tech.data.js';
import { openTestDatabase } from './databases.js';
import { drainJobs } from '../platform/jobs/jobs.js';

export const ORIGIN = 'http://localhost:80';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** A request, optionally as a signed-in user (cookie) and from our own origin. */
  request(options: InjectOptions & { as?: Session }): Promise<LightMyRequestResponse>;
  signIn(email: string, password?: string): Promise<Session>;
  /** Creates an account (sign-up) and returns its session. */
  signUp(name: string, email: string, password?: string): Promise<Session>;
  /** Runs every queued background job to completion (imports, mail…), as the runner would. */
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  userId: string;
}

export const TEST_PASSWORD = 'correct-horse-battery';

export async function createTestApp(options: { env?: Record<string, string>; seed?: boolean } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', SIGN_UP: 'open', LOG_LEVEL: 'silent', ...options.env });
  if (options.seed !== false) await seedDemo(database, { accounts: true });
  const app = await buildApp({ config, database, logger: options.env?.DEBUG_LOG ? { level: 'error' } : false });
  await app.ready();

  const request: TestApp['request'] = ({ as, headers, ...rest }) =>
    app.inject({
      ...rest,
      headers: { origin: ORIGIN, host: 'localhost:80', ...(as ? { cookie: as.cookie } : {}), ...headers },
    });

  const sessionFrom = (response: LightMyRequestResponse): Session => {
    if (response.statusCode >= 300) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'tb_session');
    if (!cookie) throw new Error('no session cookie');
    return { cookie: `tb_session=${cookie.value}`, userId: response.json().user.id };
  };

  return {
    app,
    database,
    config,
    request,
    async signIn(email, password = DEMO_PASSWORD) {
      return sessionFrom(await request({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } }));
    },
    async signUp(name, email, password = TEST_PASSWORD) {
      return sessionFrom(await request({ method: 'POST', url: '/api/v1/auth/sign-up', payload: { name, email, password } }));
    },
    runJobs: () => drainJobs(app.services),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const demo = {
  coordinator: 'coordinator@la-tech.demo',
  employer: 'employer@la-tech.demo',
  educator: 'educator@la-tech.demo',
  student: 'student@la-tech.demo',
  government: 'government@la-tech.demo',
} as const;
