import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-error';
import { formatWait } from './format';

interface FieldProblem {
  field: string;
  message: string;
}

function fieldProblems(error: ApiError): FieldProblem[] {
  const fields = error.details?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, message } = entry as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

/** The sentence for a failure that belongs to no field. */
export function formErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'We could not reach Reloop. Check your connection and try again.';
  }
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return wait === null
      ? 'Too many attempts, try again later.'
      : `Too many attempts, try again in ${formatWait(wait)}.`;
  }
  return error.message;
}

/**
 * Puts each server field error next to its field and returns what is left for the form's
 * alert, or null when every problem found its field. `fields` maps the API's field names
 * (nested ones dotted, like `location.country`) to the form's, for the fields the form has;
 * a `root.*` name holds the error of something that is not an input, like a photo area.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: Partial<Record<string, Path<T> | `root.${string}`>>,
): string | null {
  if (!(error instanceof ApiError) || error.status === 429) return formErrorMessage(error);
  const problems = fieldProblems(error);
  const leftOver: string[] = [];
  let placed = 0;
  for (const { field, message } of problems) {
    const name = fields[field];
    if (name === undefined) {
      leftOver.push(message);
      continue;
    }
    setError(name, { type: 'server', message }, { shouldFocus: placed === 0 });
    placed += 1;
  }
  if (leftOver.length > 0) return leftOver.join(' ');
  return placed > 0 ? null : error.message;
}
