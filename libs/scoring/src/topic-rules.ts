export interface TopicRule {
  topic: string;
  pattern: RegExp;
}

/**
 * The first keyword rules (English only): first match wins, then praise for positive mentions, else
 * other. The lexicon scorer still uses them, and the topic training script reports them as the
 * baseline. The trained scorer routes topics with `TopicClassifier` (./topics), which puts a brand's
 * own rules (the same `TopicRule` shape) first, then multilingual keyword rules and a trained model.
 */
export const TOPIC_RULES: readonly TopicRule[] = [
  {
    topic: 'outage',
    pattern: /\b(down|outage|offline|not loading|can'?t (connect|log ?in)|500 error|service(s)? (is |are )?down)\b/i,
  },
  { topic: 'account', pattern: /\b(account|password|log ?in|sign ?in|2fa|locked out|hacked)\b/i },
  { topic: 'billing', pattern: /\b(bill(ed|ing)?|charge[ds]?|refund|invoice|subscription|overcharged|payment)\b/i },
  { topic: 'delivery', pattern: /\b(deliver(y|ed)|shipping|shipped|package|parcel|order|tracking)\b/i },
  {
    topic: 'hardware',
    pattern: /\b(battery|screen|keyboard|charger|overheat\w*|fan|hinge|swollen|swelling|cracked|port)\b/i,
  },
  { topic: 'software', pattern: /\b(update|app|crash(es|ed|ing)?|bug|firmware|driver|install|freez\w+|error)\b/i },
  { topic: 'question', pattern: /\?\s*$|\b(how (do|can)|does anyone know|is there a way)\b/i },
];

export const PRAISE_TOPIC = 'praise';
export const FALLBACK_TOPIC = 'other';
