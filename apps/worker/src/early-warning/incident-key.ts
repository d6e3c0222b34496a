import { PROBLEM_TOPICS } from '@lp/scoring';

/**
 * What a mention is about, for early warning: the product it names and the symptom it reports. A
 * spike, and the incident it opens, is about one (product, symptom) key. Pure, so it is unit tested.
 */

export interface IncidentKey {
  product: string;
  symptom: string;
}

/**
 * Urgency reasons (the scorer's intents) that name a symptom on their own, strongest first. They
 * win over the topic: a swelling battery is a safety problem before it is a hardware one.
 */
const INTENT_SYMPTOMS: ReadonlyArray<[RegExp, string]> = [
  [/safety/i, 'safety'],
  [/security/i, 'security'],
  [/^outage$/i, 'outage'],
  [/data loss/i, 'data loss'],
];

/** Symptoms that stay symptoms even in a post the scorer read as positive ("love it, but it caught fire"). */
const ALWAYS = new Set(['safety', 'security']);

/** Symptoms that may be brand-wide (no product named: "is acme down?"); keyed on the brand itself. */
const BRAND_WIDE = new Set(['outage', 'security']);

export const SYMPTOM_LABELS: Record<string, string> = {
  safety: 'safety risk',
  security: 'security concern',
  outage: 'outage',
  'data loss': 'data loss',
  billing: 'billing problems',
  account: 'account problems',
  delivery: 'delivery problems',
  hardware: 'hardware fault',
  software: 'software fault',
};

/** The symptom a mention reports, or null (praise, a question, chatter, or a positive post). */
export function symptomOf(mention: { topic: string; reasons: readonly string[]; sentiment: string }): string | null {
  let symptom: string | null = null;
  for (const [pattern, name] of INTENT_SYMPTOMS) {
    if (mention.reasons.some((r) => pattern.test(r))) {
      symptom = name;
      break;
    }
  }
  if (!symptom && (mention.topic === 'safety' || mention.topic === 'security')) symptom = mention.topic;
  if (!symptom && PROBLEM_TOPICS.has(mention.topic)) symptom = mention.topic;
  if (!symptom) return null;
  if (mention.sentiment === 'positive' && !ALWAYS.has(symptom)) return null;
  return symptom;
}

/** Lower case, every run of non-letters/digits one space, padded: word-boundary matching by `includes`. */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Finds the catalogue's products in a text, ignoring case, spacing and punctuation ("AcmeBook Pro",
 * "acmebook pro", "AcmeBook-Pro's"). The first named wins; at one position the longest ("Acme
 * Router X2" over "Acme Router").
 */
export class ProductMatcher {
  private readonly products: Array<{ name: string; key: string }>;

  constructor(catalogue: readonly string[]) {
    const seen = new Set<string>();
    this.products = [];
    for (const name of catalogue) {
      const key = normalise(name);
      if (key.trim() === '' || seen.has(key)) continue;
      seen.add(key);
      this.products.push({ name: name.trim(), key });
    }
    this.products.sort((a, b) => b.key.length - a.key.length);
  }

  match(text: string): string | null {
    const haystack = normalise(text);
    let best: { name: string; at: number } | null = null;
    for (const { name, key } of this.products) {
      const at = haystack.indexOf(key);
      if (at >= 0 && (!best || at < best.at)) best = { name, at };
    }
    return best?.name ?? null;
  }
}

/**
 * The (product, symptom) a mention is about, or null: a mention with no symptom, or naming no
 * product, is about no product incident. A brand-wide outage or security problem that names no
 * product is keyed on the brand.
 */
export function incidentKeyOf(
  mention: { text: string; topic: string; reasons: readonly string[]; sentiment: string },
  products: ProductMatcher,
  brand: string,
): IncidentKey | null {
  const symptom = symptomOf(mention);
  if (!symptom) return null;
  const product = products.match(mention.text) ?? (BRAND_WIDE.has(symptom) && brand.trim() ? brand.trim() : null);
  return product ? { product, symptom } : null;
}

/** One group per key: the partial unique index keeps it to one unresolved incident. */
export function groupKeyOf(key: IncidentKey): string {
  return `spike:${normalise(key.product).trim()}:${key.symptom}`;
}

export function incidentTitle(key: IncidentKey): string {
  return `${key.product}: ${SYMPTOM_LABELS[key.symptom] ?? key.symptom}`;
}

export function sameKey(a: IncidentKey, b: IncidentKey): boolean {
  return a.product === b.product && a.symptom === b.symptom;
}

export const keyId = (key: IncidentKey): string => `${key.product}\u0000${key.symptom}`;
