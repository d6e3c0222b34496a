import type { OncallPerson, OncallRotationView } from '@lp/domain';
import { FormField } from './form-field';
import { FormFooter } from './form-footer';
import { useDraftForm } from './use-draft-form';
import { PeoplePicker } from './people-picker';
import { personLabel } from './people';
import {
  draftFromRotation,
  rotationBody,
  rotationErrors,
  type RotationDraft,
  type RotationErrors,
} from './rotation-draft';

interface Props {
  /** Given: the form edits this rotation (PUT); absent: it adds one (POST). */
  rotation?: OncallRotationView;
  /** Null while loading or when the list could not be read. */
  people: readonly OncallPerson[] | null;
  save: (body: Record<string, unknown>) => Promise<OncallRotationView>;
  onSaved: (saved: OncallRotationView) => void;
  onCancel?: () => void;
}

/**
 * Adds or edits a rotation, people picked by name and role; the server still checks each id is an
 * active user. The draft is state, so a refused save keeps everything typed.
 */
export function RotationForm({ rotation, people, save, onSaved, onCancel }: Props) {
  const editing = rotation !== undefined;
  const { draft, errors, busy, set, submit } = useDraftForm({
    initial: (): RotationDraft => draftFromRotation(rotation),
    send: (d: RotationDraft) => save(rotationBody(d, new Date(), rotation)),
    fieldErrors: (reasons): RotationErrors => rotationErrors(reasons),
    resetOnSave: !editing,
    onSaved,
  });

  const list = people ?? [];
  const title = editing ? `Edit rotation ${rotation.name}` : 'Add rotation';
  return (
    <form onSubmit={submit} aria-label={title} className={editing ? 'rotation-form-edit' : undefined} noValidate>
      <h3>{title}</h3>
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
            step={1}
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
      <FormFooter
        submitLabel={editing ? 'Save rotation' : 'Add rotation'}
        busy={busy}
        fieldsRefused={Object.keys(errors).length > 0 && !errors.form}
        onCancel={onCancel}
      />
    </form>
  );
}
