import Mustache from 'mustache';
// Default import: the package's ESM build (what Vite bundles) has only a default export.
import twitterText from 'twitter-text';
import type { Platform } from './platform';

export interface ReplyTextCheck {
  /** As the platform counts it: X's weighted length (links count 23, CJK counts 2), elsewhere characters. */
  length: number;
  limit: number;
  valid: boolean;
  /** Why it cannot be posted, when it cannot. */
  problem: string | null;
}

/** Platforms we can answer on, with their comment limits; a blog found through a feed has no reply API. */
const CHARACTER_LIMITS: Record<Exclude<Platform, 'x'>, number> = {
  facebook: 8_000,
  youtube: 10_000,
  feed: 0,
};

export const X_REPLY_LIMIT = 280;

/** Whether the platform would accept this text as a reply, measured the way the platform measures it. */
export function checkReplyText(platform: Platform, text: string): ReplyTextCheck {
  if (platform === 'feed') {
    return { length: [...text].length, limit: 0, valid: false, problem: 'feed mentions cannot be answered from here' };
  }
  if (text.trim().length === 0) {
    return { length: 0, limit: limitOf(platform), valid: false, problem: 'the reply is empty' };
  }
  if (platform === 'x') {
    const parsed = twitterText.parseTweet(text);
    return {
      length: parsed.weightedLength,
      limit: X_REPLY_LIMIT,
      valid: parsed.valid,
      problem: parsed.valid
        ? null
        : `X allows ${X_REPLY_LIMIT} (weighted) characters; this is ${parsed.weightedLength}`,
    };
  }
  const length = [...text].length;
  const limit = CHARACTER_LIMITS[platform];
  return {
    length,
    limit,
    valid: length <= limit,
    problem: length <= limit ? null : `${platform} allows ${limit} characters; this is ${length}`,
  };
}

function limitOf(platform: Platform): number {
  return platform === 'x' ? X_REPLY_LIMIT : CHARACTER_LIMITS[platform];
}

/** What a canned response can refer to. Missing values render as empty text, never as the raw tag. */
export interface ReplyTemplateContext {
  customer: { name: string; handle: string };
  agent: { name: string };
  mention: { url: string; platform: Platform };
}

/**
 * Fills a canned response's `{{variables}}`. Replies are plain text, so nothing is HTML-escaped;
 * the screens render every reply as text.
 */
export function renderReplyTemplate(template: string, context: ReplyTemplateContext): string {
  return Mustache.render(template, context, {}, { escape: (value: string) => value });
}

export const TEMPLATE_VARIABLES = ['customer.name', 'customer.handle', 'agent.name', 'mention.url', 'mention.platform'];

/** Variables a template uses that the context cannot fill (shown to whoever writes the template). Throws if it does not parse. */
export function unknownTemplateVariables(template: string): string[] {
  const known = new Set(TEMPLATE_VARIABLES);
  const names = collectNames(Mustache.parse(template));
  return [...new Set(names.filter((n) => !known.has(n)))];
}

function collectNames(spans: Mustache.TemplateSpans): string[] {
  const names: string[] = [];
  for (const span of spans) {
    const [kind, value] = span;
    if (kind === 'name' || kind === '&' || kind === '#' || kind === '^') names.push(value);
    const children = span[4];
    if (Array.isArray(children)) names.push(...collectNames(children));
  }
  return names;
}
