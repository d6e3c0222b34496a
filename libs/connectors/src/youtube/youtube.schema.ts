import { z } from 'zod';

/**
 * The fields the connector relies on, checked on every response: the official client types every
 * field optional and hands back a raw string when the body is not JSON.
 */
const timestamp = z.iso.datetime({ offset: true });

export const commentSnippetSchema = z.object({
  videoId: z.string().min(1).optional(),
  channelId: z.string().optional(),
  textDisplay: z.string().optional(),
  textOriginal: z.string().optional(),
  authorDisplayName: z.string(),
  authorChannelId: z.object({ value: z.string().min(1) }).optional(),
  likeCount: z.number().int().nonnegative().optional(),
  publishedAt: timestamp,
});

export const commentThreadSchema = z.object({
  id: z.string().min(1),
  snippet: z.object({
    channelId: z.string().optional(),
    videoId: z.string().min(1).optional(),
    totalReplyCount: z.number().int().nonnegative().optional(),
    topLevelComment: z.object({ id: z.string().min(1), snippet: commentSnippetSchema }),
  }),
});

export const commentThreadListSchema = z.object({
  kind: z.literal('youtube#commentThreadListResponse'),
  nextPageToken: z.string().min(1).optional(),
  items: z.array(commentThreadSchema),
});

export const searchResultSchema = z.object({
  id: z.object({ kind: z.string(), videoId: z.string().min(1).optional() }),
  snippet: z.object({
    publishedAt: timestamp,
    channelId: z.string().min(1),
    title: z.string(),
    description: z.string().optional(),
    channelTitle: z.string().optional(),
  }),
});

export const searchListSchema = z.object({
  kind: z.literal('youtube#searchListResponse'),
  nextPageToken: z.string().min(1).optional(),
  items: z.array(searchResultSchema),
});

export const insertedCommentSchema = z.object({
  kind: z.literal('youtube#comment'),
  id: z.string().min(1),
  snippet: z.object({ parentId: z.string().optional(), videoId: z.string().optional() }).optional(),
});

export type YouTubeCommentThread = z.infer<typeof commentThreadSchema>;
export type YouTubeSearchResult = z.infer<typeof searchResultSchema>;

/** Parses a response body or explains, briefly and without echoing it, what is wrong with it. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  data: unknown,
  what: string,
): { ok: true; value: T } | { ok: false; problem: string } {
  if (typeof data === 'string') return { ok: false, problem: `${what} returned a body that is not valid JSON` };
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
  return { ok: false, problem: `${what} returned an unexpected payload: ${where}` };
}
