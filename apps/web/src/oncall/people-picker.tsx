import { useState } from 'react';
import type { OncallPerson } from '@lp/domain';
import { labelOf, nameOf, notChosen, personLabel } from './people';

interface Props {
  /** What one pick is called: "primary", "secondary". */
  noun: string;
  legend: string;
  people: readonly OncallPerson[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

/**
 * An ordered list of people (they take turns in this order), added from a list of names and roles.
 * Choosing in the list does not add by itself: an arrow key would add everyone it passes over.
 */
export function PeoplePicker({ noun, legend, people, value, onChange, error }: Props) {
  const [pending, setPending] = useState('');
  const offered = notChosen(people, value);
  const add = () => {
    if (!pending) return;
    onChange([...value, pending]);
    setPending('');
  };
  return (
    <fieldset className="people-picker" aria-invalid={Boolean(error)}>
      <legend>{legend}</legend>
      {value.length === 0 ? (
        <p className="field-hint">Nobody yet.</p>
      ) : (
        <ol>
          {value.map((id) => (
            <li key={id}>
              {labelOf(people, id)}{' '}
              <button
                type="button"
                aria-label={`Remove ${nameOf(people, id)} from ${legend}`}
                onClick={() => onChange(value.filter((v) => v !== id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <select aria-label={`Choose a ${noun}`} value={pending} onChange={(e) => setPending(e.target.value)}>
        <option value="">Choose…</option>
        {offered.map((p) => (
          <option key={p.id} value={p.id}>
            {personLabel(p)}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={add} disabled={!pending}>
        Add {noun}
      </button>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
