import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { stateDocument, type StateDocument } from '@thymis/domain';
import { ConfigRecord, configState, TagRecord, tagState } from '@thymis/projections';

@ApiTags('state')
@Controller('api/state')
export class StateController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOkResponse({ description: "The whole state in Thymis' state.json shape: version, repositories, tags, configs." })
  async get(): Promise<StateDocument> {
    // One transaction, so configurations and tags come from the same moment.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [configs, tags] = await Promise.all([tx.find(ConfigRecord), tx.find(TagRecord)]);
      return stateDocument(configs.map(configState), tags.map(tagState));
    });
  }
}
