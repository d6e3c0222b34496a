import { ConflictException } from '@nestjs/common';

/** The 409 for "someone else is working on this mention", naming them so the screen can say who. */
export function holderConflict(holder: { userId: string; name: string }): ConflictException {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `${holder.name} is working on this mention`,
    holder,
  });
}
