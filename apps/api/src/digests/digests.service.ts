import { Injectable } from '@nestjs/common';
import type { DigestView } from '@lp/domain';
import { DigestRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';

/** On-demand handover digests; the worker makes the scheduled ones (and emails them). */
@Injectable()
export class DigestsService {
  constructor(private readonly digests: DigestRepository) {}

  list(): Promise<DigestView[]> {
    return this.digests.list(20);
  }

  async create(hours: number, user: AuthUser): Promise<DigestView> {
    const until = new Date();
    const summary = await this.digests.summarise(new Date(until.getTime() - hours * 3_600_000), until);
    return (await this.digests.insert(summary, user.id, false))!;
  }
}
