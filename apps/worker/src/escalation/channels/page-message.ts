import type { DeliveryAction, IncidentView } from '@lp/domain';

/** What every channel renders: the incident, who is paged, and the signed links to act on it. */
export interface PageMessage {
  action: DeliveryAction;
  incident: IncidentView;
  step: number;
  target: string | null;
  recipient: { name: string; email: string } | null;
  acknowledgeUrl: string | null;
  resolveUrl: string | null;
  appUrl: string;
}

export interface ChannelSettings {
  config: Record<string, string | number | boolean>;
  /** Opened from the sealed secret just before sending; never logged. */
  secret: string | null;
}

/** One delivery mechanism. A thrown error is a failed attempt, retried with backoff by the notify queue. */
export interface NotificationChannel {
  readonly kind: 'webhook' | 'slack' | 'pagerduty' | 'email';
  send(message: PageMessage, settings: ChannelSettings): Promise<void>;
}

export function summaryOf(message: PageMessage): string {
  const verb =
    message.action === 'trigger' ? 'Incident' : message.action === 'acknowledge' ? 'Acknowledged' : 'Resolved';
  return `${verb}: ${message.incident.title} (${message.incident.mentionCount} mentions, ${message.incident.severity})`;
}

/** POSTs JSON with a timeout; any non-2xx is an error carrying the status, so the delivery row shows it. */
export async function postJson(url: string, body: unknown, timeoutMs = 10_000): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${new URL(url).host}`);
}
