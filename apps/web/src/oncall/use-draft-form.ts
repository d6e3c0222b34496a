import { useState, type FormEvent } from 'react';
import { ApiError } from './oncall-api';

/** Errors per field, plus `form` for what belongs to no field. */
type FormErrors = { form?: string };

interface Options<Draft, Saved, Errors extends FormErrors> {
  initial: () => Draft;
  /** Sends the draft; rejects with ApiError on a refusal. */
  send: (draft: Draft) => Promise<Saved>;
  /** Maps a 400's field reasons onto the form's inputs. */
  fieldErrors: (reasons: ApiError['reasons'], draft: Draft) => Errors;
  /** Clear the draft after a save (an "add" form) or keep it (an "edit" form). */
  resetOnSave: boolean;
  onSaved: (saved: Saved) => void;
}

/**
 * The state of an add/edit form: the draft, its errors and whether a save is running. A refused or
 * failed save keeps the draft, so nothing typed is lost, and shows each reason beside its input.
 */
export function useDraftForm<Draft, Saved, Errors extends FormErrors>(options: Options<Draft, Saved, Errors>) {
  const [draft, setDraft] = useState<Draft>(options.initial);
  const [errors, setErrors] = useState<Errors>({} as Errors);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    void options.send(draft).then(
      (saved) => {
        setBusy(false);
        setErrors({} as Errors);
        if (options.resetOnSave) setDraft(options.initial());
        options.onSaved(saved);
      },
      (error: unknown) => {
        setBusy(false);
        setErrors(
          error instanceof ApiError
            ? error.fields.length
              ? options.fieldErrors(error.reasons, draft)
              : ({ form: error.message } as Errors)
            : ({ form: 'No answer from the server: save again, what you entered is kept.' } as Errors),
        );
      },
    );
  };

  return { draft, setDraft, errors, busy, set, submit };
}
