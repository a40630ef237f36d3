import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../api/client';
import { apiFieldErrors, zodFieldErrors, type FieldErrors, type MessageOverrides } from './validation';

export interface FormProblem {
  error: unknown;
  /** Server field errors no field of the form could show. */
  unmatched: string[];
}

export interface UseFormOptions<Values, Schema extends z.ZodType> {
  initialValues: Values;
  /** The shared Zod schema: the same one the API validates with. */
  schema: Schema;
  /** Turns form values into the schema's input (e.g. add fields that aren't inputs). */
  toInput?: (values: Values) => unknown;
  /** Extra client-side checks (e.g. password confirmation), keyed by field. */
  validate?: (values: Values) => FieldErrors;
  overrides?: MessageOverrides;
  onSubmit: (data: z.output<Schema>, values: Values) => Promise<unknown>;
}

/**
 * Small form state for the shared schemas: values, per-field errors, client validation with the same
 * Zod schema as the server (messages translated), server errors mapped back onto fields, and focus
 * moved to the first invalid field.
 */
export function useForm<Values extends Record<string, unknown>, Schema extends z.ZodType>(
  options: UseFormOptions<Values, Schema>,
) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(options.initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  // After a failed submit, put the keyboard and screen reader on the first invalid field.
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    if (!form) return;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [attempt]);

  const setField = useCallback(<K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => {
      if (!(key in prev)) return prev;
      const next = { ...prev };
      delete next[key as string];
      return next;
    });
  }, []);

  const reset = useCallback((next?: Values) => {
    setValues(next ?? optionsRef.current.initialValues);
    setErrors({});
    setProblem(null);
  }, []);

  /** Props for a Mantine text input / textarea / native select bound to a string field. */
  const textProps = useCallback(
    (key: keyof Values & string) => ({
      name: key,
      value: (values[key] as string | null | undefined) ?? '',
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
        setField(key, e.currentTarget.value as Values[typeof key]),
      error: errors[key],
    }),
    [values, errors, setField],
  );

  const handleSubmit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      const { schema, toInput, validate, overrides, onSubmit } = optionsRef.current;
      setProblem(null);
      const input = toInput ? toInput(values) : values;
      const parsed = schema.safeParse(input);
      const extra = validate ? validate(values) : {};
      if (!parsed.success || Object.keys(extra).length > 0) {
        const fieldErrors = { ...(parsed.success ? {} : zodFieldErrors(parsed.error, t, overrides)), ...extra };
        const known = Object.keys(values);
        const stray = Object.entries(fieldErrors).filter(([field]) => !known.includes(field));
        // A check on something that isn't a field of this form (a token from the link, …).
        if (stray.length > 0) setProblem({ error: null, unmatched: stray.map(([, message]) => message) });
        setErrors(fieldErrors);
        setAttempt((n) => n + 1);
        return;
      }
      setErrors({});
      setSubmitting(true);
      try {
        await onSubmit(parsed.data, values);
      } catch (error) {
        if (isApiError(error)) {
          const fields = Object.keys(values);
          const { fieldErrors, unmatched } = apiFieldErrors(error, fields);
          setErrors(fieldErrors);
          setProblem({ error, unmatched });
          if (Object.keys(fieldErrors).length > 0) setAttempt((n) => n + 1);
        } else {
          setProblem({ error, unmatched: [] });
        }
      } finally {
        setSubmitting(false);
      }
    },
    [values, t],
  );

  const hasFieldErrors = Object.keys(errors).length > 0;

  return {
    values,
    setValues,
    setField,
    errors,
    setErrors,
    problem,
    setProblem,
    submitting,
    hasFieldErrors,
    attempt,
    formRef,
    textProps,
    handleSubmit,
    reset,
  };
}
