import { z } from 'zod';
import { parseGraphTime } from './facebook-time';

const graphId = z.string().min(1);
const graphTime = z
  .union([z.string(), z.number()])
  .refine((value) => parseGraphTime(value) !== null, 'expected a Graph timestamp');

/** `from` is absent on tagged posts the requester did not create, and for some comment readers. */
const actorSchema = z.object({ id: graphId, name: z.string().optional() });

export const graphPostSchema = z.object({
  id: graphId,
  created_time: graphTime,
  message: z.string().optional(),
  story: z.string().optional(),
  from: actorSchema.optional(),
  permalink_url: z.string().optional(),
  shares: z.object({ count: z.number().int().nonnegative() }).partial().optional(),
});

export const graphCommentSchema = z.object({
  id: graphId,
  created_time: graphTime,
  message: z.string().optional(),
  from: actorSchema.optional(),
  permalink_url: z.string().optional(),
  /** Set on a reply to another comment; absent on a top-level comment. */
  parent: z.object({ id: graphId }).optional(),
  like_count: z.number().int().nonnegative().optional(),
  comment_count: z.number().int().nonnegative().optional(),
});

/** Cursors may be missing on an empty page; `next` disappears only on the last page. */
const pagingSchema = z.object({
  cursors: z.object({ before: z.string(), after: z.string() }).partial().optional(),
  next: z.string().min(1).optional(),
  previous: z.string().optional(),
});

export const graphPostListSchema = z.object({ data: z.array(graphPostSchema), paging: pagingSchema.optional() });
export const graphCommentListSchema = z.object({ data: z.array(graphCommentSchema), paging: pagingSchema.optional() });

export const graphErrorBodySchema = z.object({
  error: z.object({
    message: z.string().default(''),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

/** `POST /{object-id}/comments` answers with the new comment's id. */
export const graphCreatedSchema = z.object({ id: graphId });

/** The envelope of a webhook delivery; change values are validated only when they matter to us. */
export const webhookBodySchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.number().optional(),
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })).default([]),
    }),
  ),
});

export const feedChangeHeaderSchema = z.object({ item: z.string(), verb: z.string() });

export const feedChangeValueSchema = z.object({
  item: z.string(),
  verb: z.string(),
  post_id: graphId,
  comment_id: graphId.optional(),
  parent_id: graphId.optional(),
  message: z.string().optional(),
  created_time: graphTime,
  from: actorSchema.optional(),
  post: z.object({ id: graphId.optional(), permalink_url: z.string().optional() }).optional(),
});

export type GraphPost = z.infer<typeof graphPostSchema>;
export type GraphComment = z.infer<typeof graphCommentSchema>;
export type GraphPostList = z.infer<typeof graphPostListSchema>;
export type GraphCommentList = z.infer<typeof graphCommentListSchema>;
export type GraphErrorBody = z.infer<typeof graphErrorBodySchema>;
export type FeedChangeValue = z.infer<typeof feedChangeValueSchema>;

/** The first schema issue, phrased for an error message (never includes payload values). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}
