import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/Button';
import { controlClasses } from '../../../components/ui/field-styles';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { COMMENT_MAX_LENGTH } from '../api/comments';

interface CommentFormProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  submitLabel: string;
  /** Called with the trimmed text, never empty. */
  onSubmit: (body: string) => void;
  pending: boolean;
  /** Why the last attempt failed. */
  error: string | null;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/**
 * A comment's text box with what the API accepts: 1 to 1000 characters. Ctrl+Enter (⌘+Enter
 * on a Mac) sends it, Escape cancels where there is something to cancel.
 */
export function CommentForm({
  label,
  value,
  onChange,
  submitLabel,
  onSubmit,
  pending,
  error,
  onCancel,
  autoFocus = false,
}: CommentFormProps) {
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const [emptyError, setEmptyError] = useState(false);
  const shownError = emptyError ? 'Write something first.' : error;
  const field = useRef<HTMLTextAreaElement>(null);

  // A form opened by a click (reply, edit) takes the focus, after any starting text such
  // as the mention of whom is answered.
  useEffect(() => {
    const textarea = field.current;
    if (!autoFocus || !textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, [autoFocus]);

  const submit = () => {
    if (pending) return;
    const body = value.trim();
    setEmptyError(body === '');
    if (body) onSubmit(body);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
      className="space-y-2"
    >
      <label htmlFor={fieldId} className="block text-sm font-semibold text-stone-900">
        {label}
      </label>
      <textarea
        ref={field}
        id={fieldId}
        value={value}
        onChange={(event) => {
          setEmptyError(false);
          onChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
        rows={3}
        maxLength={COMMENT_MAX_LENGTH}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
        className={`${controlClasses} resize-y py-2.5 leading-6 aria-invalid:border-red-600`}
      />
      <div id={hintId} className="flex items-center justify-between gap-3 text-xs text-stone-500">
        <span className="hidden sm:inline">Ctrl+Enter or ⌘+Enter to send.</span>
        <span className="ml-auto tabular-nums">
          {value.length}/{COMMENT_MAX_LENGTH}
          <span className="sr-only"> characters</span>
        </span>
      </div>
      {shownError && (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
          {shownError}
        </p>
      )}
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
