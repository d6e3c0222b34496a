import { z } from 'zod';
import type { Platform } from '@lp/domain';

/** What each platform's source needs to know, and which credential names it accepts. */
export const SOURCE_SETTINGS: Record<
  Platform,
  { settings: z.ZodType<Record<string, unknown>>; credentialKeys: readonly string[] }
> = {
  x: {
    settings: z.strictObject({
      query: z.string().trim().min(1).max(512),
      /** Our account's handle: replies are only allowed to posts that mention it. */
      accountHandle: z
        .string()
        .regex(/^@?\w{1,15}$/, 'an X handle')
        .optional(),
      /** Our account's user id: its own posts are never ingested as mentions. */
      ownUserId: z
        .string()
        .regex(/^\d{1,19}$/, 'a numeric X user id')
        .optional(),
    }),
    credentialKeys: ['bearerToken', 'appKey', 'appSecret', 'accessToken', 'accessSecret', 'userAccessToken'],
  },
  facebook: {
    settings: z.strictObject({ pageId: z.string().regex(/^\d{1,30}$/, 'a numeric Facebook page id') }),
    credentialKeys: ['pageAccessToken'],
  },
  youtube: {
    settings: z
      .strictObject({
        channelId: z
          .string()
          .regex(/^UC[\w-]{10,40}$/, 'a YouTube channel id (UC…)')
          .optional(),
        searchTerms: z.string().trim().min(1).max(500).optional(),
      })
      .refine((s) => s.channelId !== undefined || s.searchTerms !== undefined, {
        message: 'give a channelId, searchTerms, or both',
        path: ['channelId'],
      }),
    credentialKeys: ['apiKey', 'accessToken'],
  },
  feed: {
    settings: z.strictObject({ url: z.url({ protocol: /^https?$/ }) }),
    credentialKeys: [],
  },
};

export interface SettingsProblem {
  field: string;
  message: string;
}

/** Validates a source's settings and credential names for its platform; returns the cleaned settings or the problems. */
export function validateSourceSettings(
  platform: Platform,
  settings: unknown,
  credentials: Record<string, unknown> | null | undefined,
): { ok: true; settings: Record<string, unknown> } | { ok: false; problems: SettingsProblem[] } {
  const spec = SOURCE_SETTINGS[platform];
  const problems: SettingsProblem[] = [];
  const parsed = spec.settings.safeParse(settings);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ field: ['settings', ...issue.path.map(String)].join('.'), message: issue.message });
    }
  }
  for (const [key, value] of Object.entries(credentials ?? {})) {
    if (!spec.credentialKeys.includes(key)) {
      problems.push({
        field: `credentials.${key}`,
        message: `not a ${platform} credential (${spec.credentialKeys.join(', ') || 'none accepted'})`,
      });
    } else if (typeof value !== 'string' || value.length === 0 || value.length > 4_096) {
      problems.push({ field: `credentials.${key}`, message: 'must be a non-empty string' });
    }
  }
  return parsed.success && problems.length === 0 ? { ok: true, settings: parsed.data } : { ok: false, problems };
}
