import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, OmitType } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { stateDocument, type StateDocument } from '@thymis/domain';
import { ConfigRecord, configState, TagRecord, tagState } from '@thymis/projections';
import { ConfigResponse } from '../configs/config.dto';
import { TagResponse } from '../tags/tag.dto';

class StateConfig extends OmitType(ConfigResponse, ['version']) {}
class StateTag extends OmitType(TagResponse, ['version']) {}

class StateResponse implements StateDocument {
  @ApiProperty({ example: '0.1.0' }) version: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { url: { type: 'string' } } } })
  repositories: StateDocument['repositories'];
  @ApiProperty({ type: [StateTag] }) tags: StateDocument['tags'];
  @ApiProperty({ type: [StateConfig] }) configs: StateDocument['configs'];
}

@ApiTags('state')
@Controller('api/state')
export class StateController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOkResponse({ type: StateResponse, description: "The whole state in Thymis' state.json shape." })
  async get(): Promise<StateDocument> {
    // One transaction, so configurations and tags come from the same moment.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [configs, tags] = await Promise.all([tx.find(ConfigRecord), tx.find(TagRecord)]);
      return stateDocument(configs.map(configState), tags.map(tagState));
    });
  }
}
