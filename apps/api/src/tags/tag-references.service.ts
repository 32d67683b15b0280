import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { invalid, streams, tagAggregate } from '@thymis/domain';
import { CommandRunner, EventStore } from '@thymis/event-store';

/**
 * A configuration may name only tags that exist, until its command commits: each tag is checked on its own stream
 * while holding its lock, which deleting the tag takes too. Locks go in sorted order, so two writers never wait on each
 * other in a circle.
 */
@Injectable()
export class TagReferences {
  constructor(
    private readonly store: EventStore,
    private readonly commands: CommandRunner,
  ) {}

  async hold(tags: string[], tx: EntityManager): Promise<void> {
    for (const tag of [...new Set(tags)].sort()) {
      await this.store.lockStream(streams.tag(tag), tx);
      const { state } = await this.commands.load(streams.tag(tag), tagAggregate, tx);
      if (!state) throw invalid('tags', `no tag '${tag}'`);
    }
  }
}
