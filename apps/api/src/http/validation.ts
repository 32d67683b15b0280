import { applyDecorators, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

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

/** The field may be left out; unlike class-validator's null is not "left out" and is validated (and refused). */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/** An optional whole-number query parameter (paging, positions) from `min` to `max`, documented with its default. */
export const OptionalInt = (bounds: { min: number; max?: number; default: number; description?: string }) =>
  applyDecorators(
    ApiPropertyOptional({
      default: bounds.default,
      minimum: bounds.min,
      maximum: bounds.max,
      description: bounds.description,
    }),
    Optional(),
    Type(() => Number),
    IsInt(),
    Min(bounds.min),
    Max(bounds.max ?? Number.MAX_SAFE_INTEGER),
  );
