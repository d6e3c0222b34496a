import type { EarlyWarningSettings } from '@lp/domain';
import { FormField } from './form-field';
import { FormFooter } from './form-footer';
import {
  draftFromSettings,
  thresholdsBody,
  thresholdsErrors,
  type ThresholdsDraft,
  type ThresholdsErrors,
} from './thresholds-draft';
import { useDraftForm } from './use-draft-form';

interface Props {
  settings: EarlyWarningSettings;
  save: (body: Record<string, unknown>) => Promise<unknown>;
  onSaved: () => void;
}

type NumberKey = 'baselineMinutes' | 'zThreshold' | 'minCount' | 'minHistoryMinutes' | 'judgeBackMinutes';

const NUMBERS: ReadonlyArray<{ key: NumberKey; label: string; hint?: string; step?: string }> = [
  { key: 'baselineMinutes', label: 'Baseline (minutes)' },
  { key: 'zThreshold', label: 'Robust z-score', step: 'any' },
  { key: 'minCount', label: 'Minimum mentions a minute', hint: 'of one product and symptom' },
  {
    key: 'minHistoryMinutes',
    label: 'History needed before judging (min)',
    hint: 'no history, no spike: a cold start stays quiet',
  },
  {
    key: 'judgeBackMinutes',
    label: 'Judge minutes posted in the last (min)',
    hint: 'older posts only count as history',
  },
];

/**
 * The spike detector's settings. Incidents are keyed by product and symptom, so the catalogue of
 * products and the brand are edited here too. A refused save keeps what was typed and shows each
 * reason beside its input.
 */
export function ThresholdsForm({ settings, save, onSaved }: Props) {
  const { draft, errors, busy, set, submit } = useDraftForm({
    initial: (): ThresholdsDraft => draftFromSettings(settings),
    send: (d: ThresholdsDraft) => save(thresholdsBody(d)),
    fieldErrors: (reasons): ThresholdsErrors => thresholdsErrors(reasons),
    resetOnSave: false,
    onSaved,
  });

  return (
    <form onSubmit={submit} aria-label="Spike thresholds" noValidate>
      <h3>Spike thresholds</h3>
      <label>
        <input
          type="checkbox"
          name="enabled"
          checked={draft.enabled}
          onChange={(e) => set('enabled')(e.target.checked)}
        />{' '}
        Detection on
      </label>
      {NUMBERS.map(({ key, label, hint, step }) => (
        <FormField key={key} label={label} hint={hint} error={errors[key]}>
          {(wiring) => (
            <input
              {...wiring}
              name={key}
              type="number"
              step={step}
              required
              value={draft[key]}
              onChange={(e) => set(key)(e.target.value)}
            />
          )}
        </FormField>
      ))}
      <FormField
        label="Products (one per line)"
        hint="as customers name them; case, spaces and punctuation are ignored"
        error={errors.products}
      >
        {(wiring) => (
          <textarea
            {...wiring}
            name="products"
            rows={Math.min(12, Math.max(4, draft.products.split('\n').length + 1))}
            value={draft.products}
            onChange={(e) => set('products')(e.target.value)}
          />
        )}
      </FormField>
      <FormField label="Brand" hint="a brand-wide outage that names no product is filed under it" error={errors.brand}>
        {(wiring) => (
          <input {...wiring} name="brand" required value={draft.brand} onChange={(e) => set('brand')(e.target.value)} />
        )}
      </FormField>
      {errors.form && (
        <p role="alert" className="field-error">
          {errors.form}
        </p>
      )}
      <FormFooter
        submitLabel="Save thresholds"
        busy={busy}
        fieldsRefused={Object.keys(errors).length > 0 && !errors.form}
      />
    </form>
  );
}
