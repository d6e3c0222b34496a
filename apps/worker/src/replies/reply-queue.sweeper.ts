import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { REPLY_QUEUE } from '@lp/nest-core';
import { ReplyRepository } from '@lp/persistence';
import { replyJobId, type TypedQueue } from '@lp/queue';

/** A queued reply older than this without being taken is re-queued (its job id dedupes if the job is there). */
const STUCK_AFTER_S = 15;

/**
 * The api saves a reply, then queues its job; if Redis lost the job (or the api died in between),
 * the reply would wait forever. This puts such replies back on the queue: their job id makes a
 * reply whose job still exists a no-op.
 */
@Injectable()
export class ReplyQueueSweeper {
  constructor(
    @Inject(REPLY_QUEUE) private readonly queue: TypedQueue<'reply'>,
    private readonly replies: ReplyRepository,
    @InjectPinoLogger(ReplyQueueSweeper.name) private readonly logger: PinoLogger,
  ) {}

  @Interval(5_000)
  async sweep(): Promise<void> {
    try {
      const stuck = await this.replies.stuckInQueue(STUCK_AFTER_S);
      if (stuck.length === 0) return;
      await this.queue.addBulk(
        stuck.map((r) => ({
          name: 'reply.send' as const,
          data: { replyId: r.view.id },
          opts: { jobId: replyJobId(r.view.id, r.sendRound) },
        })),
      );
    } catch (error) {
      this.logger.error({ error: String(error) }, 'reply queue sweep failed');
    }
  }
}
