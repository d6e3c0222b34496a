import type { MentionView } from '@lp/domain';

export interface ShownAuthor {
  name: string;
  /** Null when the handle must not be shown. */
  handle: string | null;
}

/** On a screen visitors can see, customers are "a customer" (the platform label still says where). */
export const PRIVATE_AUTHOR: ShownAuthor = { name: 'a customer', handle: null };

export function shownAuthor(mention: Pick<MentionView, 'author'>, privateMode: boolean): ShownAuthor {
  if (privateMode) return PRIVATE_AUTHOR;
  return { name: mention.author.name, handle: mention.author.handle };
}

/** Who holds a mention, as the wall says it: staff names too stay off a public screen. */
export function shownClaim(mention: Pick<MentionView, 'claim'>, privateMode: boolean): string | null {
  if (!mention.claim) return null;
  return privateMode ? 'claimed' : `claimed by ${mention.claim.name}`;
}

/** @handles and e-mail addresses inside a post, masked on a screen visitors can see; the rest of the text stays. */
export function shownText(mention: Pick<MentionView, 'text'>, privateMode: boolean): string {
  if (!privateMode) return mention.text;
  return mention.text.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[email]').replace(/@\w{1,50}/g, '@…');
}
