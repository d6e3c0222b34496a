import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveryAction, DeliveryStatus, DeliveryView, EscalationTarget } from '@lp/domain';

interface DeliveryRow {
  id: string;
  incident_id: string;
  step: number;
  channel_id: string;
  channel_name: string;
  target: EscalationTarget | null;
  target_user_id: string | null;
  action: DeliveryAction;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const toView = (r: DeliveryRow): DeliveryView => ({
  id: r.id,
  incidentId: r.incident_id,
  step: r.step,
  channelId: r.channel_id,
  channelName: r.channel_name,
  target: r.target,
  targetUserId: r.target_user_id,
  action: r.action,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
});

const SELECT_VIEW = `SELECT d.*, c.name AS channel_name FROM notification_deliveries d
  JOIN notification_channels c ON c.id = d.channel_id`;

export interface NewDelivery {
  incidentId: string;
  step: number;
  channelId: string;
  target: EscalationTarget | null;
  targetUserId: string | null;
  action: DeliveryAction;
}

/** One row per page: what was sent where, and how it went (status, attempts, last error). */
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Written once per (incident, step, channel, action): a repeat finds the row and adds none. */
  async insertMany(deliveries: NewDelivery[], manager?: EntityManager): Promise<void> {
    if (deliveries.length === 0) return;
    await (manager ?? this.dataSource).query(
      `INSERT INTO notification_deliveries (incident_id, step, channel_id, target, target_user_id, action)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::uuid[], $6::text[])
       ON CONFLICT ON CONSTRAINT notification_deliveries_once DO NOTHING`,
      [
        deliveries.map((d) => d.incidentId),
        deliveries.map((d) => d.step),
        deliveries.map((d) => d.channelId),
        deliveries.map((d) => d.target),
        deliveries.map((d) => d.targetUserId),
        deliveries.map((d) => d.action),
      ],
    );
  }

  async get(id: string): Promise<DeliveryView | undefined> {
    const rows: DeliveryRow[] = await this.dataSource.query(`${SELECT_VIEW} WHERE d.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async unsent(incidentId: string, step: number, action: DeliveryAction): Promise<DeliveryView[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `${SELECT_VIEW} WHERE d.incident_id = $1 AND d.step = $2 AND d.action = $3 AND d.status IN ('pending', 'retrying')`,
      [incidentId, step, action],
    );
    return rows.map(toView);
  }

  async forIncident(incidentId: string): Promise<DeliveryView[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `${SELECT_VIEW} WHERE d.incident_id = $1 ORDER BY d.created_at, d.step`,
      [incidentId],
    );
    return rows.map(toView);
  }

  async recent(limit: number): Promise<DeliveryView[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(`${SELECT_VIEW} ORDER BY d.created_at DESC LIMIT $1`, [
      limit,
    ]);
    return rows.map(toView);
  }

  /** Channels already triggered for an incident (to send them its acknowledgement or resolution). */
  async triggeredChannels(incidentId: string): Promise<string[]> {
    const rows: Array<{ channel_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT channel_id FROM notification_deliveries WHERE incident_id = $1 AND action = 'trigger'`,
      [incidentId],
    );
    return rows.map((r) => r.channel_id);
  }

  /** Only a delivery not yet sent is marked, so a re-run job never turns `sent` back. */
  async markSent(id: string, attempts: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH x AS (UPDATE notification_deliveries SET status = 'sent', attempts = $2, last_error = NULL, sent_at = now()
         WHERE id = $1 AND status <> 'sent' RETURNING id) SELECT id FROM x`,
      [id, attempts],
    );
    return rows.length === 1;
  }

  async markAttemptFailed(id: string, attempts: number, error: string, final: boolean): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH x AS (UPDATE notification_deliveries SET status = $4, attempts = $2, last_error = $3
         WHERE id = $1 AND status <> 'sent' RETURNING id) SELECT id FROM x`,
      [id, attempts, error.slice(0, 500), final ? 'failed' : 'retrying'],
    );
    return rows.length === 1;
  }
}
