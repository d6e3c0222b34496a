import { z } from 'zod';

const snowflake = z.string().regex(/^[0-9]{1,19}$/, 'expected a numeric id string');

export const xUserSchema = z.object({
  id: snowflake,
  username: z.string().min(1),
  name: z.string(),
  verified: z.boolean().optional(),
  public_metrics: z.object({ followers_count: z.number().int().nonnegative() }).partial().optional(),
});

export const xTweetSchema = z.object({
  id: snowflake,
  text: z.string(),
  author_id: snowflake,
  created_at: z.iso.datetime({ offset: true }),
  lang: z.string().optional(),
  conversation_id: z.string().optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: snowflake })).optional(),
  public_metrics: z
    .object({
      retweet_count: z.number(),
      reply_count: z.number(),
      like_count: z.number(),
      quote_count: z.number(),
    })
    .partial()
    .optional(),
});

/** `GET /2/tweets/search/recent`: `data` and `includes` are absent when nothing matched. */
export const xSearchResponseSchema = z.object({
  data: z.array(xTweetSchema).optional(),
  includes: z.object({ users: z.array(xUserSchema).optional() }).optional(),
  meta: z.object({
    result_count: z.number().int().nonnegative(),
    newest_id: snowflake.optional(),
    oldest_id: snowflake.optional(),
    next_token: z.string().min(1).optional(),
  }),
});

export type XTweet = z.infer<typeof xTweetSchema>;
export type XUser = z.infer<typeof xUserSchema>;
export type XSearchResponse = z.infer<typeof xSearchResponseSchema>;
