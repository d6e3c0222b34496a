import { useId, type ReactNode } from 'react';

/** Ids and aria wiring for one input: its label, and the hint and server reason it is described by. */
export interface FieldWiring {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/**
 * One labelled input with its hint and its error beside it (not inside the label, so the input's
 * accessible name stays its label). `children` receives the wiring to spread on the input.
 */
export function FormField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: (wiring: FieldWiring) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
