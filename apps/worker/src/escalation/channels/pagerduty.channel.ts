import type { IncidentSeverity } from '@lp/domain';
import { postJson, summaryOf, type ChannelSettings, type NotificationChannel, type PageMessage } from './page-message';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

const SEVERITY: Record<IncidentSeverity, string> = {
  critical: 'critical',
  error: 'error',
  warning: 'warning',
  info: 'info',
};

/**
 * PagerDuty Events API v2. The dedup key is the incident id, so PagerDuty folds every step of one
 * incident into one alert and our acknowledge/resolve close that same alert.
 */
export class PagerDutyChannel implements NotificationChannel {
  readonly kind = 'pagerduty' as const;

  async send(message: PageMessage, settings: ChannelSettings): Promise<void> {
    if (!settings.secret) throw new Error('the PagerDuty routing key is missing');
    const body: Record<string, unknown> = {
      routing_key: settings.secret,
      event_action: message.action,
      dedup_key: message.incident.id,
    };
    if (message.action === 'trigger') {
      body.payload = {
        summary: summaryOf(message).slice(0, 1024),
        severity: SEVERITY[message.incident.severity],
        source: 'listening-post',
        custom_details: { step: message.step, target: message.target, terms: message.incident.terms },
      };
      body.links = [{ href: message.appUrl, text: 'Open on-call' }];
    }
    await postJson(String(settings.config.url || PAGERDUTY_EVENTS_URL), body);
  }
}
