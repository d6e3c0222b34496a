import { createHash } from 'node:crypto';
import type { Platform, RawMention } from '@lp/domain';

/**
 * Every queue, its job names and their payloads. A processor is typed against this map, so a
 * job without a handler or a payload of the wrong shape fails the build, not production.
 */
export interface QueueCatalogue {
  ingest: {
    'mention.ingest': IngestJobData;
  };
  reply: {
    'reply.send': ReplySendJobData;
  };
  escalation: {
    'escalation.step': EscalationStepJobData;
  };
  notify: {
    'notify.deliver': NotifyDeliverJobData;
  };
}

export type QueueName = keyof QueueCatalogue;
export type JobName<Q extends QueueName> = keyof QueueCatalogue[Q] & string;
export type JobData<Q extends QueueName> = QueueCatalogue[Q][JobName<Q>];

export interface IngestJobData {
  mention: RawMention;
  /** When the poller queued it (ms since epoch), for end-to-end latency figures. */
  enqueuedAt: number;
}

/** Carries only the id: the sender re-reads the reply, so a repeated job finds it already sent. */
export interface ReplySendJobData {
  replyId: string;
}

/** One job per reply and round of sending (a person's retry starts a new round). */
export function replyJobId(replyId: string, sendRound: number): string {
  return `reply-${replyId}-${sendRound}`;
}

/** One ladder step of one incident; the step re-reads the incident, so a stopped ladder pages no one. */
export interface EscalationStepJobData {
  incidentId: string;
  step: number;
}

/** Sends one delivery row (one page on one channel); the row holds the status, attempts and last error. */
export interface NotifyDeliverJobData {
  deliveryId: string;
}

/**
 * Deterministic per (incident, step): a step scheduled twice (a re-run after a crash, two workers)
 * is one job in Redis. The conditional UPDATE on the incident is the real exactly-once guard.
 */
export function escalationJobId(incidentId: string, step: number): string {
  return `esc-${incidentId}-${step}`;
}

export function deliveryJobId(deliveryId: string): string {
  return `dlv-${deliveryId}`;
}

const SAFE_ID = /^[A-Za-z0-9_.-]{1,200}$/;

/**
 * The job id that makes a mention queue once: `platform-externalId`. The design's spelling
 * `platform:externalId` is refused by BullMQ ("Custom Id cannot contain :"), and feed ids are
 * URLs, so ids outside a safe alphabet are hashed. Once a job is removed the id no longer
 * deduplicates; the database's unique key (platform, external_id) remains the real guard.
 */
export function ingestJobId(platform: Platform, externalId: string): string {
  if (SAFE_ID.test(externalId)) return `${platform}-${externalId}`;
  // '~' is outside SAFE_ID, so a hashed id can never equal a plain one.
  return `${platform}-~${createHash('sha256').update(externalId).digest('base64url')}`;
}
