import type { ChannelKind } from '@lp/domain';
import { EmailChannel } from './email.channel';
import type { NotificationChannel } from './page-message';
import { PagerDutyChannel } from './pagerduty.channel';
import { SlackChannel } from './slack.channel';
import { WebhookChannel } from './webhook.channel';

/** Every channel kind has exactly one implementation; the Record makes a missing one a build error. */
export class ChannelRegistry {
  private readonly byKind: Record<ChannelKind, NotificationChannel> = {
    webhook: new WebhookChannel(),
    slack: new SlackChannel(),
    pagerduty: new PagerDutyChannel(),
    email: new EmailChannel(),
  };

  get(kind: ChannelKind): NotificationChannel {
    return this.byKind[kind];
  }
}
