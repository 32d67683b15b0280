import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { List } from '@thymis/contracts';
import { RequestOrigin, type Origin } from '../auth/principal';
import { OptionalInt } from '../http/validation';
import { HistoryService, type HistoryEntry } from './history.service';

export class HistoryQuery {
  @OptionalInt({ min: 1, max: 1000, default: 100 }) limit?: number;
  @OptionalInt({ min: 0, default: 0 }) offset?: number;
}

class HistoryEntryResponse implements HistoryEntry {
  @ApiProperty() sha: string;
  @ApiProperty() message: string;
  @ApiProperty({ description: 'Who made the change.' }) author: string;
  @ApiProperty() date: string;
  @ApiProperty({ description: 'Position in the event log of the last event the commit records.' }) position: number;
}

class HistoryPage implements List<HistoryEntry> {
  @ApiProperty({ type: [HistoryEntryResponse] }) items: HistoryEntry[];
}

class DiffResponse {
  @ApiProperty() sha: string;
  @ApiProperty({ description: 'Unified diff of every file the commit changed.' }) diff: string;
}

/** The configuration repository's commits, newest first: one per change, authored by whoever made it. */
@ApiTags('history')
@Controller('api/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiOkResponse({ type: HistoryPage })
  async list(@Query() query: HistoryQuery): Promise<List<HistoryEntry>> {
    return { items: await this.history.list(query.limit ?? 100, query.offset ?? 0) };
  }

  @Get(':sha/diff')
  @ApiOkResponse({ type: DiffResponse })
  diff(@Param('sha') sha: string): Promise<DiffResponse> {
    return this.history.diff(sha);
  }

  @Post(':sha/revert')
  @HttpCode(200)
  @ApiOkResponse({ type: HistoryEntryResponse, description: 'The new commit that restores the state of :sha.' })
  revert(@Param('sha') sha: string, @RequestOrigin() origin: Origin): Promise<HistoryEntry> {
    return this.history.revert(sha, origin);
  }
}
