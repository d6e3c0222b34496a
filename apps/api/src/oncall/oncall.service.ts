import { Injectable, NotFoundException } from '@nestjs/common';
import { onCallAt, type OncallPerson, type OnCallNow, type OncallRotationView } from '@lp/domain';
import { EscalationConfigRepository, UserRepository } from '@lp/persistence';
import type { RotationDto } from '../escalation/escalation.dto';
import { fieldError } from '../validation.pipe';

/** On-call rotations: who is primary and secondary when. */
@Injectable()
export class OncallService {
  constructor(
    private readonly repo: EscalationConfigRepository,
    private readonly users: UserRepository,
  ) {}

  /** Only what the picker shows. A rotation accepts active users only, so only they are offered. */
  async people(): Promise<OncallPerson[]> {
    return (await this.users.list()).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, role: u.role }));
  }

  list(): Promise<OncallRotationView[]> {
    return this.repo.listRotations();
  }

  async now(at = new Date()): Promise<OnCallNow[]> {
    const [rotations, users] = await Promise.all([this.repo.listRotations(), this.users.list()]);
    // Only the name leaves here (no email, no role): anyone signed in may read who is on call.
    const names = new Map(users.map((u) => [u.id, u.name]));
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return rotations.map((r) => {
      const { primary, secondary } = onCallAt(r, at);
      return {
        rotationId: r.id,
        name: r.name,
        primary,
        secondary,
        manager: r.managerUserId,
        primaryName: nameOf(primary),
        secondaryName: nameOf(secondary),
        managerName: nameOf(r.managerUserId),
      };
    });
  }

  async save(id: string | null, dto: RotationDto): Promise<OncallRotationView> {
    const people: Array<[string, string]> = [
      ...dto.primaryUserIds.map((u, i): [string, string] => [`primaryUserIds.${i}`, u]),
      ...dto.secondaryUserIds.map((u, i): [string, string] => [`secondaryUserIds.${i}`, u]),
      ...(dto.managerUserId ? [['managerUserId', dto.managerUserId] as [string, string]] : []),
    ];
    for (const [field, userId] of people) {
      if (!(await this.repo.recipient(userId))) throw fieldError(field, 'no active user with this id');
    }
    const saved = await this.repo.saveRotation(id, {
      name: dto.name,
      primaryUserIds: dto.primaryUserIds,
      secondaryUserIds: dto.secondaryUserIds,
      managerUserId: dto.managerUserId ?? null,
      shiftS: dto.shiftS,
      startsAt: dto.startsAt,
    });
    if (!saved) throw new NotFoundException(`rotation ${id} not found`);
    return saved;
  }
}
