import { Injectable } from '@nestjs/common';
import type { MentionView } from '@lp/domain';
import { EventPublisher, mentionUpdatedEvent } from '@lp/events';
import { MentionRepository } from '@lp/persistence';

/** Tells every screen a mention changed: re-reads it after the change committed and publishes `mention.updated`. */
@Injectable()
export class MentionAnnouncer {
  constructor(
    private readonly mentions: MentionRepository,
    private readonly events: EventPublisher,
  ) {}

  async announce(mentionId: string): Promise<MentionView | undefined> {
    const view = await this.mentions.getById(mentionId);
    if (view) await this.events.publish([mentionUpdatedEvent(view)]);
    return view;
  }
}
