import { z } from 'zod';
import { problemSchema } from '../../../shared/common.contract.js';

/** Adds the problem+json error responses to a route's documented responses. */
export function responses<T extends Record<number, z.ZodTypeAny>>(ok: T) {
  return { ...ok, '4xx': problemSchema, '5xx': problemSchema } as T & { '4xx': typeof problemSchema; '5xx': typeof problemSchema };
}

export const noContent = z.null().describe('No content');
