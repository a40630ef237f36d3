/** The one error type. Services throw it; the error handler turns it into problem+json. */
export const errorCodes = {
  bad_request: { status: 400, title: 'Bad request' },
  unauthenticated: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  invalid: { status: 422, title: 'Invalid input' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { errors?: FieldError[]; headers?: Record<string, string> }) {
    super(detail ?? errorCodes[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code].status;
    this.errors = options?.errors;
    this.headers = options?.headers;
  }
}

/** Invalid input for one field: a 422 that names it. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('invalid', `${path}: ${message}`, { errors: [{ path, message }] });
}

export const notFound = (what = 'Record') => new AppError('not_found', `${what} not found`);
