import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { EventView, List } from '@thymis/contracts';
import { EventStore } from '@thymis/event-store';
import { OptionalInt } from '../http/validation';

export class EventsQuery {
  @OptionalInt({ min: 0, default: 0, description: 'Return events after this position.' }) after?: number;
  @OptionalInt({ min: 1, max: 1000, default: 100 }) limit?: number;
}

class EventResponse implements EventView {
  @ApiProperty() position: number;
  @ApiProperty({ description: 'The appending transaction: events of one command share it.' }) transactionId: string;
  @ApiProperty() streamId: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: 'config.created' }) type: string;
  @ApiProperty() schemaVersion: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: unknown;
  @ApiProperty({
    type: 'object',
    properties: { actor: { type: 'string' }, correlationId: { type: 'string' }, at: { type: 'string' } },
  })
  metadata: EventView['metadata'];
}

class EventPage implements List<EventView> {
  @ApiProperty({ type: [EventResponse] }) items: EventView[];
  @ApiProperty({ description: 'Pass as `after` for the next page.' }) next: number;
}

/** The audit log: every change ever made, in order, with who made it. */
@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly store: EventStore) {}

  @Get()
  @ApiOkResponse({ type: EventPage })
  async list(@Query() query: EventsQuery): Promise<List<EventView>> {
    const after = query.after ?? 0;
    const items = await this.store.readAll(after, query.limit ?? 100);
    return { items, next: items.length > 0 ? items[items.length - 1].position : after };
  }
}
