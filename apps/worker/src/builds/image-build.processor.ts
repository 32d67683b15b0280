import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import {
  artifactFolder,
  BuildCancelled,
  BuildFailed,
  imageInstallable,
  NixUnavailableError,
  prepareBuildTree,
  renderRepository,
  runNixBuild,
} from '@thymis/nix';
import { stateAt } from '@thymis/projections';
import { bullConnection, cancelChannel, JobName, QueueName, type JobPayloads } from '@thymis/queue';
import { startQueueWorker, WORKER_NAME } from '../queue-worker';
import { TaskReports } from '../task-reports.service';
import { findImage, storeArtifact, uploadArtifact } from './artifact';
import { BuildFolder, sweepStaleBuildFolders } from './build-folder';

type BuildJob = Job<JobPayloads[JobName.BuildImage]>;

/**
 * Builds a configuration's image: renders the repository as it was when the task was requested (from the log, so any
 * machine with Postgres can), runs Nix on it, reports progress through the job and the outcome as task events.
 */
@Injectable()
export class ImageBuildProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ImageBuildProcessor.name);
  private readonly running = new Map<string, AbortController>();
  private worker?: Worker;
  private cancellations?: Redis;

  constructor(
    private readonly db: DataSource,
    private readonly tasks: TaskReports,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  readonly handled = { queue: QueueName.ImageBuilds, jobs: [JobName.BuildImage as string] };

  async onModuleInit(): Promise<void> {
    for (const folder of await sweepStaleBuildFolders()) this.logger.log(`removed ${folder}, left by a worker gone`);
    this.cancellations = new Redis(bullConnection(this.config).connection);
    this.cancellations.on('message', (_channel, taskId: string) => this.running.get(taskId)?.abort());
    await this.cancellations.subscribe(cancelChannel(this.config.redis.prefix));
    this.worker = startQueueWorker(this.config, QueueName.ImageBuilds, (job: BuildJob) => this.process(job));
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    this.cancellations?.disconnect();
  }

  private async process(job: BuildJob): Promise<void> {
    if (job.name !== (JobName.BuildImage as string)) throw new UnrecoverableError(`no handler for job '${job.name}'`);
    const id = job.data.taskId;
    const started = await this.tasks.report(id, { kind: 'start', worker: WORKER_NAME });
    const task = started.state;
    if (!task || task.status !== 'running') return; // cancelled (or ended) before it could start
    const { configId, position } = task;
    if (configId === undefined || position === undefined)
      throw new UnrecoverableError(`task ${id} names no configuration`);
    const abort = new AbortController();
    this.running.set(id, abort);
    const folder = await BuildFolder.open(id);
    try {
      const files = renderRepository(await stateAt(this.db, position), this.inputs());
      await prepareBuildTree(files, folder.flake);
      const { outPath } = await runNixBuild({
        nixBin: this.config.nix.bin,
        cwd: folder.flake,
        installable: imageInstallable(configId),
        signal: abort.signal,
        onStart: (pgid) => void folder.recordNixGroup(pgid).catch(() => undefined),
        onProgress: (progress) => void job.updateProgress({ ...progress, lines: [] }).catch(() => undefined),
        // Kept with the job (GET …/logs) and sent live with the last progress (QueueEvents → /api/ws).
        onLines: (lines) => {
          void Promise.all(lines.map((line) => job.log(line))).catch(() => undefined);
          void job.updateProgress({ ...(job.progress as object), lines }).catch(() => undefined);
        },
      });
      const image = await findImage(outPath);
      const { controller } = this.config.worker;
      const artifact = controller
        ? await uploadArtifact(image, controller, id, configId)
        : await storeArtifact(image, artifactFolder(this.config.stateDir, id), configId);
      await this.tasks.report(id, { kind: 'succeed', artifact }, started);
    } catch (error) {
      if (error instanceof BuildCancelled) return; // the task is cancelled already
      const permanent = error instanceof BuildFailed || error instanceof NixUnavailableError;
      this.logger.error(`task ${id} (job ${job.id}) failed: ${(error as Error).message}`);
      // Nix said no: trying again gives the same answer. Anything else may pass next time, until attempts run out.
      if (permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.tasks.report(id, { kind: 'fail', reason: (error as Error).message }, started);
        throw new UnrecoverableError((error as Error).message);
      }
      throw error;
    } finally {
      this.running.delete(id);
      await folder.remove();
    }
  }

  private inputs() {
    return { nixpkgs: this.config.nix.nixpkgsUrl, thymis: this.config.nix.deviceModulesUrl };
  }
}
