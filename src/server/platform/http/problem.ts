import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCodes, type ErrorCode, type FieldError } from '../errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  const body: Problem = {
    type: `https://talentbridge.dev/problems/${error.code}`,
    title: errorCodes[error.code].title,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.errors ? { errors: error.errors } : {}),
  };
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).type('application/problem+json').send(body);
}

// Postgres error codes that mean the client sent something that conflicts or cannot be stored.
// 22021/22P05: a NUL byte or a character the database cannot store (found by the hostile-input test).
const pgCodes: Record<string, ErrorCode> = {
  '23505': 'conflict',
  '23503': 'invalid',
  '22P02': 'invalid',
  '22001': 'invalid',
  '22007': 'invalid',
  '22008': 'invalid',
  '22021': 'invalid',
  '22P05': 'invalid',
  '22003': 'invalid',
};

/** Maps whatever was thrown to one problem+json shape; 5xx never reveal details. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // `throw null` / `throw 'text'` happen (libraries, rejections): never let them crash this handler.
  const fe = (typeof error === 'object' && error !== null ? error : {}) as FastifyError & { code?: string; validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      // Fastify calls the query string 'querystring'; problems name it 'query' (as query.cursor does).
      path: [error.validationContext === 'querystring' ? 'query' : error.validationContext, ...pathOf(v.instancePath)].filter(Boolean).join('.').replace(/^body\.?/, '') || 'body',
      message: v.message ?? 'Invalid value',
    }));
    const status = error.validationContext === 'body' ? 'invalid' : 'bad_request';
    return new AppError(status, errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', 'The request body is too large');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type', 'Unsupported content type');
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
    return new AppError('bad_request', 'The request body is not valid JSON');
  // A database error, as the driver threw it or wrapped by Drizzle (DrizzleQueryError keeps it as `cause`).
  const db = [fe, (fe as { cause?: unknown }).cause].find(
    (e): e is { code: string; message?: string } => typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((e as { code: string }).code),
  );
  // A delete (or key change) refused because other records still point at this one: a conflict, not bad input.
  if (db?.code === '23503' && /^update or delete on table/i.test(db.message ?? '')) {
    return new AppError('conflict', 'This record is still referenced by other records; remove or reassign them first');
  }
  if (db && pgCodes[db.code]) {
    const code = pgCodes[db.code]!;
    return new AppError(code, code === 'conflict' ? 'A record with these values already exists' : 'A value does not fit');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !isResponseSerializationError(error)) {
    const code = (Object.keys(errorCodes) as ErrorCode[]).find((c) => errorCodes[c].status === fe.statusCode) ?? 'bad_request';
    return new AppError(code, fe.message);
  }
  return new AppError('internal', 'Something went wrong on our side. It has been logged.');
}

function pathOf(instancePath: string): string[] {
  return instancePath.split('/').filter(Boolean);
}

/**
 * Errors the router raises before any hook or handler runs (a malformed URL, a path segment over
 * maxParamLength): Fastify's `frameworkErrors` option, so they are problems too.
 */
export function frameworkError(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A part of the path is too long' : 'The request URL is not valid';
  void sendProblem(reply, new AppError('bad_request', detail));
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)));
}
