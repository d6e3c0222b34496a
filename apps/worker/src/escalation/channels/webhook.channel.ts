import { postJson, summaryOf, type ChannelSettings, type NotificationChannel, type PageMessage } from './page-message';

/** A generic JSON POST: the whole incident, the step and the signed links. */
export class WebhookChannel implements NotificationChannel {
  readonly kind = 'webhook' as const;

  async send(message: PageMessage, settings: ChannelSettings): Promise<void> {
    await postJson(String(settings.config.url), {
      event: `incident.${message.action}`,
      summary: summaryOf(message),
      step: message.step,
      target: message.target,
      recipient: message.recipient,
      incident: message.incident,
      links: { acknowledge: message.acknowledgeUrl, resolve: message.resolveUrl, app: message.appUrl },
    });
  }
}
