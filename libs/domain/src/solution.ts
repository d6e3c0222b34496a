/** A fix given once, kept so the next customer (and the next agent) finds it. */
export interface SolutionView {
  id: string;
  slug: string;
  title: string;
  problem: string;
  /** Markdown source; rendered with raw HTML disabled wherever it is shown. */
  fix: string;
  product: string | null;
  topic: string | null;
  /** BCP 47 language of the text. */
  language: string;
  /** The team that owns the answer and keeps it current (free text). */
  team: string | null;
  version: number;
  /** The reply it was saved from, when it was. */
  sourceReplyId: string | null;
  /** Customers it worked for: confirmations in the conversation plus "worked" votes on the public page. */
  workedCount: number;
  failedCount: number;
  lastConfirmedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One earlier (or the current) state of a solution: every edit adds a version. */
export interface SolutionVersionView {
  version: number;
  title: string;
  problem: string;
  fix: string;
  product: string | null;
  topic: string | null;
  language: string;
  team: string | null;
  editedBy: string | null;
  createdAt: string;
}

/** A solution proposed for a mention, with why it ranks where it does and the text to insert. */
export interface SolutionSuggestion {
  solution: SolutionView;
  score: number;
  reasons: string[];
  /** Fits the platform's reply limit and ends with the public link. */
  shortAnswer: string;
  url: string;
}

export const REPLY_OUTCOMES = ['confirmed', 'failed', 'unclear'] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

/** For managers: do our answers work, and where are answers missing. */
export interface SolutionStats {
  /** Replies whose customer answered, by outcome; `confirmedShare` is confirmed / (confirmed + failed + unclear). */
  outcomes: { confirmed: number; failed: number; unclear: number; confirmedShare: number | null };
  mostReused: Array<{ id: string; slug: string; title: string; uses: number; workedCount: number }>;
  keepsFailing: Array<{ id: string; slug: string; title: string; workedCount: number; failedCount: number }>;
  /** Topics (and their most frequent words) of replied mentions where no solution was used. */
  unanswered: Array<{ topic: string; replies: number; terms: string[] }>;
}

const SLUG_MAX = 60;

/**
 * A URL slug from a title: lower-case ASCII words joined by "-", accents folded, at most 60
 * characters, plus a short random suffix so two solutions with the same title never collide and a
 * slug stays the same when the title is edited later (public links must not break).
 */
export function makeSlug(title: string, suffix: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
  const tail = suffix.toLowerCase().replace(/[^a-z0-9]/g, '');
  return [base || 'solution', tail].filter(Boolean).join('-');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The public page of a solution. */
export function solutionUrl(publicBaseUrl: string, slug: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/s/${slug}`;
}

/** The slug of a solution link inside a reply's text, if the reply carries one of ours. */
export function solutionSlugIn(text: string, publicBaseUrl: string): string | null {
  const base = publicBaseUrl.replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${base}/s/([a-z0-9]+(?:-[a-z0-9]+)*)`).exec(text);
  return match ? match[1]! : null;
}

/** Markdown reduced to plain text for replies and meta descriptions: link text kept, markup dropped. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
