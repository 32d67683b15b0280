import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Lists each failing field by its path, e.g. "tags.0: each value in tags must be a string". */
function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => `${path}: ${reason}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/** Request bodies and queries: typed, unknown fields refused, every problem named. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) =>
    new BadRequestException({ code: 'validation_failed', message: describe(errors).join('; ') }),
});
