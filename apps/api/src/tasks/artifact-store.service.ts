import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { DomainError, type Artifact } from '@thymis/domain';
import { artifactFolder, imageFileNameProblem, writeHashed } from '@thymis/nix';
import type { TaskRecord } from '@thymis/projections';

const invalid = (message: string) => new DomainError('validation_failed', message);

/**
 * The images tasks built, under THYMIS_STATE_DIR/artifacts/<task>/<name>: written there by a worker on this host, or
 * received here from a worker on another machine.
 */
@Injectable()
export class ArtifactStore {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  pathOf(taskId: string, name: string): string {
    return join(this.folderOf(taskId), name);
  }

  /**
   * Takes in the image a remote worker built for a running task. It lands under its name only once every byte the
   * request announced has arrived: an upload cut short leaves nothing behind, and a second one replaces the first.
   */
  async receive(task: TaskRecord, name: string, body: Readable, length: number): Promise<Artifact> {
    if (task.type !== 'image-build' || task.configId === null)
      throw new DomainError('nothing_to_do', `task '${task.id}' is a ${task.type} task: it builds no image`);
    if (task.status !== 'running')
      throw new DomainError(
        'nothing_to_do',
        `task '${task.id}' is ${task.status}; only a running build sends its image`,
      );
    const problem = imageFileNameProblem(name, task.configId);
    if (problem) throw invalid(`name: ${problem}`);
    await mkdir(this.folderOf(task.id), { recursive: true });
    const partial = join(this.folderOf(task.id), `.receiving-${randomUUID()}`);
    try {
      const received = await writeHashed(body, partial).catch((error: unknown) => {
        throw body.readableAborted ? invalid('body: the upload broke off before its end') : error;
      });
      if (received.size !== length)
        throw invalid(`body: ${received.size} bytes arrived, Content-Length announced ${length}`);
      await rename(partial, this.pathOf(task.id, name));
      return { name, ...received };
    } finally {
      await rm(partial, { force: true });
    }
  }

  private folderOf(taskId: string): string {
    return artifactFolder(this.config.stateDir, taskId);
  }
}
