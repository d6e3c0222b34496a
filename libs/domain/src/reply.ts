import type { Platform } from './platform';

/**
 * A reply's life: a volunteer's draft waits for approval; an approved or agent's reply is queued, taken by one
 * worker (`sending`), and ends `sent` (with the platform's id and link) or `failed` (with the platform's reason).
 * A failed reply goes back to `queued` only when a person retries it.
 */
export const REPLY_STATUSES = ['pending_approval', 'rejected', 'queued', 'sending', 'sent', 'failed'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

export interface ReplyView {
  id: string;
  mentionId: string;
  platform: Platform;
  authorId: string;
  authorName: string;
  text: string;
  status: ReplyStatus;
  /** The platform's id and public link of the posted reply, once sent. */
  platformReplyId: string | null;
  platformUrl: string | null;
  /** Why the platform refused it, or why it could not be sent. */
  failureReason: string | null;
  /** True when a person must look before retrying: the platform may or may not have posted it. */
  outcomeUnknown: boolean;
  attempts: number;
  cannedResponseId: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  rejectedReason: string | null;
  /**
   * The lasting solution saved from this reply (its public page is /s/<slug>), or null. A reply
   * becomes at most one solution; a reply that merely links to one is not its source.
   */
  solution: ReplySolution | null;
  createdAt: string;
  /** The last change to this view, saving it as a solution included. */
  updatedAt: string;
  sentAt: string | null;
}

export interface ReplySolution {
  id: string;
  slug: string;
}

/** A reusable answer with variables, e.g. "Hi {{customer.name}}, …". Managed by managers and admins. */
export interface CannedResponseView {
  id: string;
  name: string;
  body: string;
  /** Only for these platforms; empty for all. */
  platforms: Platform[];
  createdAt: string;
  updatedAt: string;
}
