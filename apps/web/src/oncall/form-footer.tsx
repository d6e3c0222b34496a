interface Props {
  /** What the submit button says, e.g. "Add channel" or "Save rotation". */
  submitLabel: string;
  busy: boolean;
  /** True when a save was refused for reasons shown beside the fields. */
  fieldsRefused: boolean;
  onCancel?: () => void;
}

/** The end of every add/edit form on this screen: a summary of a refused save, then submit and cancel. */
export function FormFooter({ submitLabel, busy, fieldsRefused, onCancel }: Props) {
  return (
    <>
      {fieldsRefused && (
        <p role="alert" className="field-error">
          Not saved: check the fields marked above.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
