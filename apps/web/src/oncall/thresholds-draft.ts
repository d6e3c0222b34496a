import type { EarlyWarningSettings } from '@lp/domain';

/** The spike thresholds form as typed: numbers as the inputs hold them, products one per line. */
export interface ThresholdsDraft {
  enabled: boolean;
  baselineMinutes: string;
  zThreshold: string;
  minCount: string;
  minHistoryMinutes: string;
  judgeBackMinutes: string;
  /** One product per line. */
  products: string;
  brand: string;
}

export function draftFromSettings(s: EarlyWarningSettings): ThresholdsDraft {
  return {
    enabled: s.enabled,
    baselineMinutes: String(s.baselineMinutes),
    zThreshold: String(s.zThreshold),
    minCount: String(s.minCount),
    minHistoryMinutes: String(s.minHistoryMinutes),
    judgeBackMinutes: String(s.judgeBackMinutes),
    products: s.products.join('\n'),
    brand: s.brand,
  };
}

/** The textarea's lines, trimmed, without blank lines or repeats. */
export function productLines(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * A number input's value, or the text itself when it is not a number: JSON would turn NaN into null,
 * which the server reads as "left out" and keeps the stored value, so it must see what was typed.
 */
function numberOrText(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** `PUT /api/settings/early-warning`: every setting, so the server checks and stores all of them. */
export function thresholdsBody(d: ThresholdsDraft): Record<string, unknown> {
  return {
    enabled: d.enabled,
    baselineMinutes: numberOrText(d.baselineMinutes),
    zThreshold: numberOrText(d.zThreshold),
    minCount: numberOrText(d.minCount),
    minHistoryMinutes: numberOrText(d.minHistoryMinutes),
    judgeBackMinutes: numberOrText(d.judgeBackMinutes),
    products: productLines(d.products),
    brand: d.brand.trim(),
  };
}

export type ThresholdsErrors = Partial<Record<keyof ThresholdsDraft | 'form', string>>;

const FIELDS = new Set<string>([
  'enabled',
  'baselineMinutes',
  'zThreshold',
  'minCount',
  'minHistoryMinutes',
  'judgeBackMinutes',
  'products',
  'brand',
]);

/** Server fields (`products`, `products.3`, `brand`) as the form's inputs; anything else goes to the form. */
export function thresholdsErrors(reasons: Record<string, string>): ThresholdsErrors {
  const out: ThresholdsErrors = {};
  for (const [field, reason] of Object.entries(reasons)) {
    const head = field.split('.')[0]!;
    const target = (FIELDS.has(head) ? head : 'form') as keyof ThresholdsErrors;
    out[target] = out[target] ? `${out[target]}; ${reason}` : reason;
  }
  return out;
}
