import { ApiError } from './console-api';

/** The console address parameter naming the open mention: `/console?mention=<id>`, an address to copy and share. */
export const MENTION_PARAM = 'mention';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a link's value can name a mention (ids are UUIDs). Only such values go into a request
 * path: "." or ".." would be resolved by the URL parser into another route, whose answer is no mention.
 */
export function isMentionId(value: string): boolean {
  return UUID.test(value);
}

/** The mention a console address names, if any: `?mention=<id>`; an empty value names none. */
export function linkedMentionId(search: string): string | undefined {
  return new URLSearchParams(search).get(MENTION_PARAM) || undefined;
}

/** The address (path, query, hash) of `href` with the open mention set to `id`; every other parameter is kept. */
export function withMention(href: string, id: string): string {
  const url = new URL(href);
  url.searchParams.set(MENTION_PARAM, id);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** What a failed look-up means to the reader: the link names no mention (404, or an id the api refuses), or it failed. */
export function lookupFailure(error: unknown): { missing: true } | { missing: false; message: string } {
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return { missing: true };
  return { missing: false, message: error instanceof Error ? error.message : String(error) };
}
