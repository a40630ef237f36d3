import { z } from 'zod';
import { problemSchema } from '../../../shared/common.contract.js';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/** Adds the problem+json error responses (RFC 9457) to a route's documented responses. */
export function responses<T extends Record<number, z.ZodTypeAny>>(ok: T) {
  return { ...ok, '4xx': problem('Client error (problem+json)'), '5xx': problem('Server error (problem+json, no details)') };
}

export const noContent = z.null().describe('No content');
