import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** A path id that must be a UUID: anything else names no such thing, so it is a 404, not a 400. */
export const uuidOf = (what: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new NotFoundException({ code: 'not_found', message: `no ${what} has that id` }),
  });
