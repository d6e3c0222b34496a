import { useId } from 'react';

interface NumberFieldProps {
  label: string;
  /** NaN shows an empty input (the manager is retyping). */
  value: number | undefined;
  min: number;
  max: number;
  /** Shown when empty: the value the panel uses by default. */
  placeholder?: string;
  problems: readonly string[];
  onChange: (value: number | undefined) => void;
}

/** A labelled whole-number input that shows its own problems and tells assistive tech about them. */
export function NumberField({ label, value, min, max, placeholder, problems, onChange }: NumberFieldProps) {
  const id = useId();
  const invalid = problems.length > 0;
  return (
    <label className={`editor-field${invalid ? ' is-invalid' : ''}`}>
      <span className="editor-field-label">{label}</span>
      <input
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        placeholder={placeholder}
        value={value === undefined || Number.isNaN(value) ? '' : value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? id : undefined}
        onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.valueAsNumber)}
      />
      {invalid && (
        <span id={id} className="editor-field-problem">
          {problems.join('; ')}
        </span>
      )}
    </label>
  );
}
