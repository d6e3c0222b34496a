import { z } from 'zod';
import type { QuotaState } from './quota-ledger';
import type { StreamState } from './seen-window';

/** The YouTube source's resume point: one window per listing, plus today's quota spending. */
export interface YouTubeCursor {
  comments?: StreamState;
  videos?: StreamState & { lastSearchAt?: string };
  quota?: QuotaState;
}

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)));

const streamSchema = z.object({
  since: isoTime.optional(),
  recentIds: z.array(z.string()),
  pending: z
    .object({
      pageToken: z.string().min(1).optional(),
      newest: isoTime.optional(),
      fresh: z.number().int().nonnegative(),
    })
    .optional(),
});

const cursorSchema = z.object({
  // A damaged part resets alone: losing the quota counters must not also lose the comment watermark.
  comments: streamSchema.optional().catch(undefined),
  videos: streamSchema.extend({ lastSearchAt: isoTime.optional() }).optional().catch(undefined),
  quota: z
    .object({
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      used: z.number().nonnegative(),
      searchCalls: z.number().int().nonnegative(),
    })
    .optional()
    .catch(undefined),
});

/** The stored cursor as the poller hands it back; anything unreadable starts that part afresh. */
export function readCursor(raw: unknown): YouTubeCursor {
  const parsed = cursorSchema.safeParse(raw ?? {});
  return parsed.success ? stripUndefined(parsed.data) : {};
}

function stripUndefined(cursor: YouTubeCursor): YouTubeCursor {
  return JSON.parse(JSON.stringify(cursor)) as YouTubeCursor;
}
