import type { FastifyRequest } from 'fastify';
import type { Config } from '../env.js';
import type { Database, Db } from '../db/client.js';
import type { Mailer } from './mail/mailer.js';
import type { Role } from '../../shared/common.contract.js';
import type { DataVersions } from './data-versions.js';

/** Who is asking: a signed-in user, by session cookie or personal API token. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token';
  sessionHash?: string;
  /** When the session signed in: a recent sign-in counts as re-authentication (REAUTH_WINDOW_MS). */
  sessionCreatedAt?: Date;
}

/** The actor's standing inside one coalition: their person record and roles there. */
export interface Principal {
  personId: string;
  roles: ReadonlySet<Role>;
  organizationId: string | null;
  organizationType: string | null;
}

/** A membership resolved with the session (sessionWithMembership), for tenantContext to reuse. */
export interface Membership {
  /** The lower-cased slug it was resolved for, and for whom. */
  slug: string;
  userId: string;
  coalition: CoalitionRef;
  principal: Principal;
  /** The coalition's data versions, read in the same statement (data-versions.ts). */
  dataVersions: DataVersions;
}

export interface CoalitionRef {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** Long-lived things a service needs, built once in app.ts. */
export interface Services {
  config: Config;
  database: Database;
  mailer: Mailer;
  /** Set when this process runs background jobs: wakes it after enqueueing. */
  jobRunner?: { poke(): void };
}

export interface Ctx {
  services: Services;
  db: Db;
  actor: Actor | null;
  ip: string;
  userAgent: string | undefined;
  /** Origin for links in e-mails (PUBLIC_URL, else the request's own). */
  baseUrl: string;
}

export interface TenantCtx extends Ctx {
  actor: Actor;
  coalition: CoalitionRef;
  principal: Principal;
  /** Read with the membership for a request; absent in contexts built otherwise (jobs), where nothing may be kept by version. */
  dataVersions?: DataVersions;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Set with the actor when the URL names a coalition the actor belongs to. */
    membership: Membership | null;
  }
  interface FastifyInstance {
    services: Services;
  }
}

export function requestContext(request: FastifyRequest): Ctx {
  const services = request.server.services;
  return {
    services,
    db: services.database.db,
    actor: request.actor,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    baseUrl: services.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`,
  };
}
