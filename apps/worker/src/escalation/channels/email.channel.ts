import { createTransport } from 'nodemailer';
import { summaryOf, type ChannelSettings, type NotificationChannel, type PageMessage } from './page-message';

/**
 * Email over SMTP (nodemailer). Goes to the paged person, or to the channel's fixed `to` (a team
 * list). Plain text only: mention text never becomes markup in someone's mail client.
 */
export class EmailChannel implements NotificationChannel {
  readonly kind = 'email' as const;

  async send(message: PageMessage, settings: ChannelSettings): Promise<void> {
    const to = String(settings.config.to || message.recipient?.email || '');
    if (!to) throw new Error('no address to send to');
    await sendMail(settings, to, summaryOf(message), bodyOf(message));
  }
}

export async function sendMail(settings: ChannelSettings, to: string, subject: string, text: string): Promise<void> {
  const { host, port, secure, user, from } = settings.config;
  const transport = createTransport({
    host: String(host),
    port: Number(port),
    secure: secure === true,
    auth: user ? { user: String(user), pass: settings.secret ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  try {
    await transport.sendMail({ from: String(from), to, subject, text });
  } finally {
    transport.close();
  }
}

function bodyOf(message: PageMessage): string {
  const { incident } = message;
  return [
    summaryOf(message),
    '',
    `Trigger: ${incident.trigger}${incident.topic ? `, topic ${incident.topic}` : ''}`,
    incident.terms.length ? `Phrases: ${incident.terms.join(', ')}` : '',
    `Platforms: ${incident.platforms.join(', ') || 'n/a'}`,
    `Opened: ${incident.openedAt}`,
    message.recipient ? `Paged: ${message.recipient.name} (${message.target}, step ${message.step + 1})` : '',
    '',
    message.acknowledgeUrl ? `Acknowledge: ${message.acknowledgeUrl}` : '',
    message.resolveUrl ? `Resolve: ${message.resolveUrl}` : '',
    `On-call screen: ${message.appUrl}`,
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}
