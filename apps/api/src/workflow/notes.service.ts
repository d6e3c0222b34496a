import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MentionNoteView } from '@lp/domain';
import { AuditRepository, MentionRepository, NotesRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';
import { MentionAnnouncer } from './mention-announcer';

/** Internal notes: anyone signed in may read and add them, whoever holds the mention. */
@Injectable()
export class NotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notes: NotesRepository,
    private readonly mentions: MentionRepository,
    private readonly audit: AuditRepository,
    private readonly announcer: MentionAnnouncer,
  ) {}

  async add(mentionId: string, body: string, user: AuthUser): Promise<MentionNoteView> {
    const note = await this.dataSource.transaction(async (tx) => {
      const added = await this.notes.add({ mentionId, authorId: user.id, body }, tx);
      if (!added) throw new NotFoundException(`no mention ${mentionId}`);
      // The body stays out of the trail: notes may quote a customer's personal details.
      await this.audit.record(
        {
          actorId: user.id,
          action: 'mention.note_added',
          mentionId,
          subject: added.id,
          details: { length: body.length },
        },
        tx,
      );
      return added;
    });
    // Screens showing the mention refetch its notes on this.
    await this.announcer.announce(mentionId);
    return note;
  }

  async list(mentionId: string): Promise<{ items: MentionNoteView[] }> {
    if (!(await this.mentions.getById(mentionId))) throw new NotFoundException(`no mention ${mentionId}`);
    return { items: await this.notes.list(mentionId) };
  }
}
