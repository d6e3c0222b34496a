import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldError {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The one 400 every check answers with, from the pipe or from a service's own rules: each field and
 * what is wrong with it. `message` is the summary a screen shows when it shows one line.
 */
export function validationError(fields: FieldError[], message = 'Validation failed'): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, fields });
}

/** A 400 for one field, for rules checked in a service. */
export function fieldError(field: string, reason: string, message?: string): BadRequestException {
  return validationError([{ field, messages: [reason] }], message);
}

/** Rejects bad input with a 400 that names each field and what is wrong with it. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => validationError(flatten(errors)),
  });
}
