import type { OncallPerson, OncallRotationView } from '@lp/domain';
import { FormField } from './form-field';
import { useDraftForm } from './use-draft-form';
import { PeoplePicker } from './people-picker';
import { personLabel } from './people';
import {
  EMPTY_ROTATION,
  rotationBody,
  rotationErrors,
  type RotationDraft,
  type RotationErrors,
} from './rotation-draft';

interface Props {
  /** Null while loading or when the list could not be read. */
  people: readonly OncallPerson[] | null;
  save: (body: Record<string, unknown>) => Promise<OncallRotationView>;
  onSaved: (saved: OncallRotationView) => void;
}

/** Adds a rotation, people picked by name and role; the server still checks each id is an active user. */
export function RotationForm({ people, save, onSaved }: Props) {
  const { draft, errors, busy, set, submit } = useDraftForm({
    initial: (): RotationDraft => EMPTY_ROTATION,
    send: (d: RotationDraft) => save(rotationBody(d)),
    fieldErrors: (reasons): RotationErrors => rotationErrors(reasons),
    resetOnSave: true,
    onSaved,
  });

  const list = people ?? [];
  return (
    <form onSubmit={submit} aria-label="Add rotation" noValidate>
      <h3>Add rotation</h3>
      {people === null && <p className="field-hint">Loading people…</p>}
      <FormField label="Name" error={errors.name}>
        {(wiring) => (
          <input {...wiring} name="name" required value={draft.name} onChange={(e) => set('name')(e.target.value)} />
        )}
      </FormField>
      <PeoplePicker
        noun="primary"
        legend="Primaries (take turns in this order)"
        people={list}
        value={draft.primaryUserIds}
        onChange={set('primaryUserIds')}
        error={errors.primaryUserIds}
      />
      <PeoplePicker
        noun="secondary"
        legend="Secondaries"
        people={list}
        value={draft.secondaryUserIds}
        onChange={set('secondaryUserIds')}
        error={errors.secondaryUserIds}
      />
      <FormField label="Manager" error={errors.managerUserId}>
        {(wiring) => (
          <select {...wiring} value={draft.managerUserId} onChange={(e) => set('managerUserId')(e.target.value)}>
            <option value="">none (the first manager)</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {personLabel(p)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Shift hours" error={errors.shiftHours}>
        {(wiring) => (
          <input
            {...wiring}
            name="shiftHours"
            type="number"
            min={1}
            value={draft.shiftHours}
            onChange={(e) => set('shiftHours')(e.target.value)}
          />
        )}
      </FormField>
      <FormField label="First shift starts" hint="empty: now" error={errors.startsAt}>
        {(wiring) => (
          <input
            {...wiring}
            name="startsAt"
            type="datetime-local"
            value={draft.startsAt}
            onChange={(e) => set('startsAt')(e.target.value)}
          />
        )}
      </FormField>
      {errors.form && (
        <p role="alert" className="field-error">
          {errors.form}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Add rotation
      </button>
    </form>
  );
}
