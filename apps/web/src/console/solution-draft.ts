import type { MentionView, ReplyView } from '@lp/domain';

/** What the agent edits before a sent reply becomes a solution. */
export interface SolutionDraft {
  title: string;
  problem: string;
  fix: string;
}

/** Long enough to say what the problem is, short enough for a page title and a search result. */
export const TITLE_LENGTH = 80;

/**
 * A first title from the customer's own words. Links and handles address people, not the problem,
 * so they go; a long text is cut at a word so the title never ends mid-word.
 */
export function draftTitle(text: string, max = TITLE_LENGTH): string {
  const words = text
    .replace(/https?:\/\/\S+|@\w+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words.length <= max) return words;
  const cut = words.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The form's first state: the server's own defaults (mention text, reply text), shown so they can be edited. */
export function draftSolution(mention: Pick<MentionView, 'text'>, reply: Pick<ReplyView, 'text'>): SolutionDraft {
  return { title: draftTitle(mention.text), problem: mention.text, fix: reply.text };
}
