import { postJson, summaryOf, type ChannelSettings, type NotificationChannel, type PageMessage } from './page-message';

/** Slack-compatible incoming webhook: `text` for notifications, `blocks` for the message itself. */
export class SlackChannel implements NotificationChannel {
  readonly kind = 'slack' as const;

  async send(message: PageMessage, settings: ChannelSettings): Promise<void> {
    const text = summaryOf(message);
    const who = message.recipient ? ` Paging ${message.recipient.name} (${message.target}).` : '';
    const links = [
      message.acknowledgeUrl ? `<${message.acknowledgeUrl}|Acknowledge>` : null,
      message.resolveUrl ? `<${message.resolveUrl}|Resolve>` : null,
      `<${message.appUrl}|Open on-call>`,
    ].filter(Boolean);
    await postJson(String(settings.config.url), {
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(text)}*${escapeMrkdwn(who)}` } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: links.join(' · ') }] },
      ],
    });
  }
}

/** Slack's three control characters; mention text must not become links or pings. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
