/** Phrases that make a mention urgent whatever its sentiment, with the reason shown to agents. */
export const INTENT_RULES: ReadonlyArray<{ reason: string; weight: number; pattern: RegExp }> = [
  {
    reason: 'safety risk',
    weight: 45,
    pattern: /\b(fire|smok(e|ing)|burn(ed|t|ing)?|explod\w*|swell(ing|ed)|shock)\b/i,
  },
  { reason: 'security concern', weight: 35, pattern: /\b(hack(ed)?|breach|stolen|phishing|compromised|leak(ed)?)\b/i },
  {
    reason: 'data loss',
    weight: 35,
    pattern: /\b(lost (all )?(my )?(data|files|photos)|data loss|wiped|deleted everything)\b/i,
  },
  { reason: 'outage', weight: 30, pattern: /\b(down|outage|offline|not working|can'?t (connect|log ?in))\b/i },
  { reason: 'legal threat', weight: 30, pattern: /\b(lawyer|lawsuit|sue|legal action|small claims)\b/i },
  { reason: 'churn risk', weight: 25, pattern: /\b(cancel(l?ing)?|switch(ing)? to|never buying|done with|refund)\b/i },
];

export const URGENCY_THRESHOLDS = { critical: 75, high: 50, normal: 25 } as const;
