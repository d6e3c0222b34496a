import type { DataSource, EntityManager } from 'typeorm';
import type {
  ChannelKind,
  ChannelView,
  EscalationPolicyView,
  EscalationRuleView,
  EscalationStep,
  EscalationTrigger,
  OncallRotationView,
} from '@lp/domain';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '');

export interface StoredChannel {
  view: ChannelView;
  /** Sealed with CredentialCipher, bound to the channel id; never leaves the server. */
  sealedSecret: string | null;
}

export interface ChannelInput {
  name: string;
  kind: ChannelKind;
  config: Record<string, string | number | boolean>;
}

/**
 * A change to a channel. The kind never changes (its secret means something else per kind);
 * `sealedSecret` undefined keeps the stored one, null removes it, a string replaces it.
 */
export interface ChannelPatch {
  name?: string;
  enabled?: boolean;
  config?: Record<string, string | number | boolean>;
  sealedSecret?: string | null;
}

export interface RotationInput {
  name: string;
  primaryUserIds: string[];
  secondaryUserIds: string[];
  managerUserId: string | null;
  shiftS: number;
  startsAt: Date;
}

interface ChannelRow {
  id: string;
  name: string;
  kind: ChannelKind;
  config: Record<string, string | number | boolean>;
  sealed_secret: string | null;
  enabled: boolean;
  created_at: Date;
}

const channelOf = (r: ChannelRow): StoredChannel => ({
  view: {
    id: r.id,
    name: r.name,
    kind: r.kind,
    config: r.config,
    hasSecret: r.sealed_secret !== null,
    enabled: r.enabled,
    createdAt: iso(r.created_at),
  },
  sealedSecret: r.sealed_secret,
});

interface PolicyRow {
  id: string;
  name: string;
  rotation_id: string | null;
  steps: EscalationStep[];
  created_at: Date;
}
const policyOf = (r: PolicyRow): EscalationPolicyView => ({
  id: r.id,
  name: r.name,
  rotationId: r.rotation_id,
  steps: r.steps,
  createdAt: iso(r.created_at),
});

interface RuleRow {
  id: string;
  name: string;
  enabled: boolean;
  trigger: EscalationTrigger;
  policy_id: string;
  created_at: Date;
}
const ruleOf = (r: RuleRow): EscalationRuleView => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  trigger: r.trigger,
  policyId: r.policy_id,
  createdAt: iso(r.created_at),
});

interface RotationRow {
  id: string;
  name: string;
  primary_user_ids: string[];
  secondary_user_ids: string[];
  manager_user_id: string | null;
  shift_s: number;
  starts_at: Date;
  created_at: Date;
}
const rotationOf = (r: RotationRow): OncallRotationView => ({
  id: r.id,
  name: r.name,
  primaryUserIds: r.primary_user_ids,
  secondaryUserIds: r.secondary_user_ids,
  managerUserId: r.manager_user_id,
  shiftS: r.shift_s,
  startsAt: iso(r.starts_at),
  createdAt: iso(r.created_at),
});

/** What a team edits in the app: channels, ladders (policies), rules and on-call rotations. */
export class EscalationConfigRepository {
  constructor(private readonly dataSource: DataSource) {}

  // --- channels ---
  async listChannels(): Promise<StoredChannel[]> {
    const rows: ChannelRow[] = await this.dataSource.query('SELECT * FROM notification_channels ORDER BY created_at');
    return rows.map(channelOf);
  }

  /** `forUpdate` (inside a transaction) holds the row, so an edit's "before" is what it changes. */
  async getChannel(id: string, manager?: EntityManager, forUpdate = false): Promise<StoredChannel | undefined> {
    const rows: ChannelRow[] = await (manager ?? this.dataSource).query(
      `SELECT * FROM notification_channels WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? channelOf(rows[0]) : undefined;
  }

  /** The id is chosen first because the secret is sealed with it as associated data. */
  async createChannel(id: string, input: ChannelInput, sealedSecret: string | null): Promise<StoredChannel> {
    const rows: ChannelRow[] = await this.dataSource.query(
      `INSERT INTO notification_channels (id, name, kind, config, sealed_secret) VALUES ($1, $2, $3, $4::jsonb, $5)
       RETURNING *`,
      [id, input.name, input.kind, JSON.stringify(input.config), sealedSecret],
    );
    return channelOf(rows[0]!);
  }

  /** Changes only what the patch names, in one statement; undefined when there is no such channel. */
  async updateChannel(id: string, patch: ChannelPatch, manager?: EntityManager): Promise<StoredChannel | undefined> {
    const rows: ChannelRow[] = await (manager ?? this.dataSource).query(
      `WITH x AS (
         UPDATE notification_channels SET
           name = COALESCE($2, name),
           enabled = COALESCE($3, enabled),
           config = COALESCE($4::jsonb, config),
           sealed_secret = CASE WHEN $5 THEN $6 ELSE sealed_secret END
         WHERE id = $1 RETURNING *)
       SELECT * FROM x`,
      [
        id,
        patch.name ?? null,
        patch.enabled ?? null,
        patch.config === undefined ? null : JSON.stringify(patch.config),
        patch.sealedSecret !== undefined,
        patch.sealedSecret ?? null,
      ],
    );
    return rows[0] ? channelOf(rows[0]) : undefined;
  }

  async deleteChannel(id: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource).query(
      'WITH x AS (DELETE FROM notification_channels WHERE id = $1 RETURNING id) SELECT id FROM x',
      [id],
    );
    return rows.length === 1;
  }

  // --- policies ---
  async listPolicies(): Promise<EscalationPolicyView[]> {
    const rows: PolicyRow[] = await this.dataSource.query('SELECT * FROM escalation_policies ORDER BY created_at');
    return rows.map(policyOf);
  }

  async getPolicy(id: string): Promise<EscalationPolicyView | undefined> {
    const rows: PolicyRow[] = await this.dataSource.query('SELECT * FROM escalation_policies WHERE id = $1', [id]);
    return rows[0] ? policyOf(rows[0]) : undefined;
  }

  async savePolicy(
    id: string | null,
    input: { name: string; rotationId: string | null; steps: EscalationStep[] },
  ): Promise<EscalationPolicyView | undefined> {
    const params = [input.name, input.rotationId, JSON.stringify(input.steps)];
    const rows: PolicyRow[] = id
      ? await this.dataSource.query(
          `WITH x AS (UPDATE escalation_policies SET name = $1, rotation_id = $2, steps = $3::jsonb WHERE id = $4
             RETURNING *) SELECT * FROM x`,
          [...params, id],
        )
      : await this.dataSource.query(
          `INSERT INTO escalation_policies (name, rotation_id, steps) VALUES ($1, $2, $3::jsonb) RETURNING *`,
          params,
        );
    return rows[0] ? policyOf(rows[0]) : undefined;
  }

  // --- rules ---
  async listRules(enabledOnly = false): Promise<EscalationRuleView[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      `SELECT * FROM escalation_rules ${enabledOnly ? 'WHERE enabled' : ''} ORDER BY created_at`,
    );
    return rows.map(ruleOf);
  }

  async saveRule(
    id: string | null,
    input: { name: string; enabled: boolean; trigger: EscalationTrigger; policyId: string },
  ): Promise<EscalationRuleView | undefined> {
    const params = [input.name, input.enabled, JSON.stringify(input.trigger), input.policyId];
    const rows: RuleRow[] = id
      ? await this.dataSource.query(
          `WITH x AS (UPDATE escalation_rules SET name = $1, enabled = $2, trigger = $3::jsonb, policy_id = $4
             WHERE id = $5 RETURNING *) SELECT * FROM x`,
          [...params, id],
        )
      : await this.dataSource.query(
          `INSERT INTO escalation_rules (name, enabled, trigger, policy_id) VALUES ($1, $2, $3::jsonb, $4) RETURNING *`,
          params,
        );
    return rows[0] ? ruleOf(rows[0]) : undefined;
  }

  async deleteRule(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'WITH x AS (DELETE FROM escalation_rules WHERE id = $1 RETURNING id) SELECT id FROM x',
      [id],
    );
    return rows.length === 1;
  }

  /** Name and address of the person paged, if still active. */
  async recipient(userId: string): Promise<{ name: string; email: string } | undefined> {
    const rows: Array<{ name: string; email: string }> = await this.dataSource.query(
      'SELECT name, email FROM users WHERE id = $1 AND active',
      [userId],
    );
    return rows[0];
  }

  /** Managers and admins, for a ladder's last step when its rotation names no manager. */
  async firstManager(): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM users WHERE active AND role = 'manager' ORDER BY created_at LIMIT 1`,
    );
    return rows[0]?.id;
  }

  // --- rotations ---
  async listRotations(): Promise<OncallRotationView[]> {
    const rows: RotationRow[] = await this.dataSource.query('SELECT * FROM oncall_rotations ORDER BY created_at');
    return rows.map(rotationOf);
  }

  async getRotation(id: string): Promise<OncallRotationView | undefined> {
    const rows: RotationRow[] = await this.dataSource.query('SELECT * FROM oncall_rotations WHERE id = $1', [id]);
    return rows[0] ? rotationOf(rows[0]) : undefined;
  }

  async saveRotation(id: string | null, input: RotationInput): Promise<OncallRotationView | undefined> {
    const params = [
      input.name,
      input.primaryUserIds,
      input.secondaryUserIds,
      input.managerUserId,
      input.shiftS,
      input.startsAt,
    ];
    const rows: RotationRow[] = id
      ? await this.dataSource.query(
          `WITH x AS (UPDATE oncall_rotations SET name = $1, primary_user_ids = $2::uuid[], secondary_user_ids = $3::uuid[],
             manager_user_id = $4, shift_s = $5, starts_at = $6 WHERE id = $7 RETURNING *) SELECT * FROM x`,
          [...params, id],
        )
      : await this.dataSource.query(
          `INSERT INTO oncall_rotations (name, primary_user_ids, secondary_user_ids, manager_user_id, shift_s, starts_at)
           VALUES ($1, $2::uuid[], $3::uuid[], $4, $5, $6) RETURNING *`,
          params,
        );
    return rows[0] ? rotationOf(rows[0]) : undefined;
  }
}
