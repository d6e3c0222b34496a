import { BadRequestException } from '@nestjs/common';

/** The same 400 shape as the validation pipe, for rules checked in a service. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    fields: [{ field, messages: [message] }],
  });
}
