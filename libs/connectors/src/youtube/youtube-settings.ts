import { z } from 'zod';
import { ConnectorError } from '../shared/connector-errors';

/** What a YouTube source listens to: its own channel's comments, videos mentioning the brand, or both. */
export interface YouTubeSettings {
  channelId?: string;
  searchTerms?: string;
}

const settingsSchema = z
  .object({
    channelId: z
      .string()
      .trim()
      .regex(/^[\w-]{1,64}$/, 'must be a channel id such as UC…')
      .optional(),
    searchTerms: z.string().trim().min(1).max(500).optional(),
  })
  .refine((s) => s.channelId !== undefined || s.searchTerms !== undefined, 'needs a channelId or searchTerms');

/** A misconfigured source cannot heal by retrying, hence the non-retryable error. */
export function readYouTubeSettings(raw: Record<string, unknown>): YouTubeSettings {
  const parsed = settingsSchema.safeParse({
    channelId: raw.channelId === '' || raw.channelId === null ? undefined : raw.channelId,
    searchTerms: raw.searchTerms === '' || raw.searchTerms === null ? undefined : raw.searchTerms,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'settings';
    throw new ConnectorError(`YouTube source ${where}: ${issue?.message ?? 'invalid'}`, false);
  }
  return parsed.data;
}
