/** Chart colours, matching the app's sentiment and urgency colours (styles.css) on the dark panel. */
export const SENTIMENT_COLOURS = { negative: '#ff6b6b', neutral: '#a0aec0', positive: '#51cf66' } as const;
export const PLATFORM_COLOURS = { x: '#e7e9ea', facebook: '#4d8cf7', youtube: '#ff4d4d', feed: '#ffa94d' } as const;
export const URGENCY_COLOURS = { critical: '#ff3b3b', high: '#ff922b', normal: '#4dabf7', low: '#748091' } as const;
export const OUTCOME_COLOURS = { sent: '#51cf66', failed: '#ff6b6b', rejected: '#cc5de8', pending: '#ffd43b' } as const;
export const LINE_COLOURS = { primary: '#4dabf7', secondary: '#ff922b' } as const;
export const AXIS = { stroke: '#9aa7b4', grid: '#2a3441', tooltipBg: '#0b0f14' } as const;
