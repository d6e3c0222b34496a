import type { DataSource, EntityManager } from 'typeorm';
import type {
  IncidentSeverity,
  IncidentStatus,
  IncidentTimelineEntry,
  IncidentTrigger,
  IncidentView,
} from '@lp/domain';

interface IncidentRow {
  id: string;
  title: string;
  status: IncidentStatus;
  severity: IncidentSeverity;
  trigger: IncidentTrigger;
  trigger_details: Record<string, unknown>;
  topic: string | null;
  terms: string[];
  product: string | null;
  symptom: string | null;
  owner_id: string | null;
  owner_name: string | null;
  mention_count: number;
  platforms: string[] | null;
  policy_id: string | null;
  escalation_step: number;
  opened_at: Date;
  last_seen_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  updated_at: Date;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toView(r: IncidentRow): IncidentView {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    severity: r.severity,
    trigger: r.trigger,
    triggerDetails: r.trigger_details,
    topic: r.topic,
    terms: r.terms,
    product: r.product,
    symptom: r.symptom,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    mentionCount: r.mention_count,
    platforms: r.platforms ?? [],
    policyId: r.policy_id,
    escalationStep: r.escalation_step,
    openedAt: iso(r.opened_at)!,
    lastSeenAt: iso(r.last_seen_at)!,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: iso(r.resolved_at),
    resolvedBy: r.resolved_by,
    updatedAt: iso(r.updated_at)!,
  };
}

const SELECT_VIEW = `SELECT i.*, u.name AS owner_name,
    (SELECT count(*)::int FROM incident_mentions im WHERE im.incident_id = i.id) AS mention_count,
    (SELECT array_agg(DISTINCT m.platform) FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id
      WHERE im.incident_id = i.id) AS platforms
  FROM incidents i LEFT JOIN users u ON u.id = i.owner_id`;

export interface NewIncident {
  groupKey: string;
  title: string;
  severity: IncidentSeverity;
  trigger: IncidentTrigger;
  triggerDetails: Record<string, unknown>;
  topic: string | null;
  terms: string[];
  /** A detected spike's product and symptom (rule and manual incidents have none). */
  product?: string | null;
  symptom?: string | null;
  policyId: string | null;
  ruleId: string | null;
}

/** An unresolved incident about one product and symptom. */
export interface KeyIncident {
  id: string;
  groupKey: string;
  product: string;
  symptom: string;
}

export interface IncidentListQuery {
  status?: IncidentStatus | 'unresolved';
  limit: number;
}

/** Incidents, the mentions they group, and their timeline. Status changes are conditional UPDATEs. */
export class IncidentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string, manager?: EntityManager): Promise<IncidentView | undefined> {
    const rows: IncidentRow[] = await (manager ?? this.dataSource).query(`${SELECT_VIEW} WHERE i.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async list(query: IncidentListQuery): Promise<IncidentView[]> {
    const where = query.status === 'unresolved' ? 'i.resolved_at IS NULL' : query.status ? 'i.status = $2' : 'true';
    const params: unknown[] = [query.limit];
    if (query.status && query.status !== 'unresolved') params.push(query.status);
    const rows: IncidentRow[] = await this.dataSource.query(
      `${SELECT_VIEW} WHERE ${where} ORDER BY i.opened_at DESC LIMIT $1`,
      params,
    );
    return rows.map(toView);
  }

  /**
   * The unresolved incident of a group, created if there is none. Returns it and whether this call
   * created it: of two concurrent callers exactly one creates (the partial unique index decides).
   */
  async openOrJoin(input: NewIncident): Promise<{ id: string; created: boolean }> {
    const created: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO incidents (group_key, title, severity, trigger, trigger_details, topic, terms, policy_id, rule_id,
         product, symptom)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::text[], $8, $9, $10, $11)
       ON CONFLICT (group_key) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
      [
        input.groupKey,
        input.title,
        input.severity,
        input.trigger,
        JSON.stringify(input.triggerDetails),
        input.topic,
        input.terms,
        input.policyId,
        input.ruleId,
        input.product ?? null,
        input.symptom ?? null,
      ],
    );
    if (created[0]) {
      await this.addTimeline(created[0].id, 'opened', null, { trigger: input.trigger, ...input.triggerDetails });
      return { id: created[0].id, created: true };
    }
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH x AS (
         UPDATE incidents SET last_seen_at = now(),
           terms = ARRAY(SELECT DISTINCT unnest(terms || $2::text[]) LIMIT 20)
         WHERE group_key = $1 AND resolved_at IS NULL RETURNING id)
       SELECT id FROM x`,
      [input.groupKey, input.terms],
    );
    if (!rows[0]) return this.openOrJoin(input); // resolved between the two statements: open a fresh one
    return { id: rows[0].id, created: false };
  }

  /** The unresolved incidents about a product and symptom (what new mentions of that key join). */
  async openKeyIncidents(): Promise<KeyIncident[]> {
    const rows: Array<{ id: string; group_key: string; product: string; symptom: string }> =
      await this.dataSource.query(
        `SELECT id, group_key, product, symptom FROM incidents
         WHERE resolved_at IS NULL AND product IS NOT NULL AND symptom IS NOT NULL`,
      );
    return rows.map((r) => ({ id: r.id, groupKey: r.group_key, product: r.product, symptom: r.symptom }));
  }

  /** When the group's latest incident was resolved (a burst it covered must not reopen it). */
  async lastResolvedAt(groupKey: string): Promise<Date | null> {
    const rows: Array<{ at: Date | null }> = await this.dataSource.query(
      'SELECT max(resolved_at) AS at FROM incidents WHERE group_key = $1',
      [groupKey],
    );
    return rows[0]?.at ? new Date(rows[0].at) : null;
  }

  /** Unresolved incidents whose ladder may need its pending step (re)scheduled, oldest first. */
  async onLadder(limit: number): Promise<Array<{ id: string; policyId: string; step: number; sinceMs: number }>> {
    const rows: Array<{ id: string; policy_id: string; escalation_step: number; since_ms: number }> =
      await this.dataSource.query(
        `SELECT id, policy_id, escalation_step, (extract(epoch FROM now() - updated_at) * 1000)::bigint AS since_ms
         FROM incidents WHERE status = 'open' AND policy_id IS NOT NULL ORDER BY opened_at LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({ id: r.id, policyId: r.policy_id, step: r.escalation_step, sinceMs: Number(r.since_ms) }));
  }

  /** Open spike incidents that never got onto a ladder (their opener died before starting it). */
  async spikesWithoutLadder(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM incidents WHERE status = 'open' AND policy_id IS NULL AND trigger <> 'rule'
         AND opened_at < now() - interval '10 seconds' ORDER BY opened_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async linkMentions(incidentId: string, mentionIds: string[]): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH x AS (
         INSERT INTO incident_mentions (mention_id, incident_id) SELECT unnest($2::uuid[]), $1
         ON CONFLICT (mention_id) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM x`,
      [incidentId, mentionIds],
    );
    return rows[0]?.n ?? 0;
  }

  async mentionIds(incidentId: string, limit = 200): Promise<string[]> {
    const rows: Array<{ mention_id: string }> = await this.dataSource.query(
      `SELECT mention_id FROM incident_mentions WHERE incident_id = $1 ORDER BY added_at DESC LIMIT $2`,
      [incidentId, limit],
    );
    return rows.map((r) => r.mention_id);
  }

  /** open → acknowledged, once: a second acknowledgement (or one after resolving) changes nothing. */
  async acknowledge(id: string, userId: string | null, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource).query(
      `WITH x AS (
         UPDATE incidents SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2,
           owner_id = COALESCE(owner_id, $2), updated_at = now()
         WHERE id = $1 AND status = 'open' RETURNING id)
       SELECT id FROM x`,
      [id, userId],
    );
    return rows.length === 1;
  }

  async resolve(id: string, userId: string | null, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource).query(
      `WITH x AS (
         UPDATE incidents SET status = 'resolved', resolved_at = now(), resolved_by = $2, updated_at = now()
         WHERE id = $1 AND status <> 'resolved' RETURNING id)
       SELECT id FROM x`,
      [id, userId],
    );
    return rows.length === 1;
  }

  async assignOwner(id: string, ownerId: string | null, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource).query(
      `WITH x AS (UPDATE incidents SET owner_id = $2, updated_at = now() WHERE id = $1 RETURNING id) SELECT id FROM x`,
      [id, ownerId],
    );
    return rows.length === 1;
  }

  /**
   * Takes ladder step `step` for paging: only while the incident is still open and the ladder is
   * exactly at that step. This is the exactly-once guard of every page.
   */
  async takeStep(id: string, step: number, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource).query(
      `WITH x AS (
         UPDATE incidents SET escalation_step = $2 + 1, updated_at = now()
         WHERE id = $1 AND status = 'open' AND escalation_step = $2 RETURNING id)
       SELECT id FROM x`,
      [id, step],
    );
    return rows.length === 1;
  }

  async setPolicy(id: string, policyId: string, ruleId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH x AS (UPDATE incidents SET policy_id = $2, rule_id = COALESCE(rule_id, $3), updated_at = now()
         WHERE id = $1 AND policy_id IS NULL RETURNING id) SELECT id FROM x`,
      [id, policyId, ruleId],
    );
    return rows.length === 1;
  }

  async addTimeline(
    incidentId: string,
    kind: string,
    actorId: string | null,
    details: Record<string, unknown> = {},
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource).query(
      `INSERT INTO incident_timeline (incident_id, kind, actor_id, details) VALUES ($1, $2, $3, $4::jsonb)`,
      [incidentId, kind, actorId, JSON.stringify(details)],
    );
  }

  async timeline(incidentId: string): Promise<IncidentTimelineEntry[]> {
    const rows: Array<{
      id: string;
      at: Date;
      kind: string;
      actor_id: string | null;
      details: Record<string, unknown>;
    }> = await this.dataSource.query(
      `SELECT id::text, at, kind, actor_id, details FROM incident_timeline WHERE incident_id = $1 ORDER BY id`,
      [incidentId],
    );
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      actorId: r.actor_id,
      details: r.details,
    }));
  }
}
