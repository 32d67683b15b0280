import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { JobQueues } from './job-queues';

class QueueCounts {
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() completed: number;
  @ApiProperty() failed: number;
  @ApiProperty() delayed: number;
  @ApiProperty() paused: number;
}

class QueueWorker {
  @ApiProperty({ description: 'Connection name of the worker process.' }) name: string;
  @ApiProperty({ description: 'Its address as Redis sees it.' }) address: string;
  @ApiProperty({ description: 'Seconds it has been connected.' }) age: number;
}

class QueueResponse {
  @ApiProperty() name: string;
  @ApiProperty({ type: QueueCounts }) counts: QueueCounts;
  @ApiProperty({ type: [QueueWorker] }) workers: QueueWorker[];
}

/** The queue monitor: jobs per state and the workers connected, per queue. */
@ApiTags('tasks')
@Controller('api/queues')
export class QueuesController {
  constructor(private readonly queues: JobQueues) {}

  @Get()
  @ApiOkResponse({ type: [QueueResponse] })
  list(): Promise<QueueResponse[]> {
    return Promise.all(
      Object.entries(this.queues.queues).map(async ([name, queue]) => {
        const [counts, paused, workers] = await Promise.all([
          queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed'),
          queue.isPaused(),
          queue.getWorkers(),
        ]);
        const waiting = counts.waiting + counts.prioritized;
        return {
          name,
          // A paused queue holds its waiting jobs: BullMQ counts them as waiting, the monitor shows them as paused.
          counts: {
            waiting: paused ? 0 : waiting,
            active: counts.active,
            completed: counts.completed,
            failed: counts.failed,
            delayed: counts.delayed,
            paused: paused ? waiting : 0,
          },
          workers: workers.map((w) => ({
            name: w.rawname?.split(':w:').pop() ?? '',
            address: w.addr ?? '',
            age: Number(w.age ?? 0),
          })),
        };
      }),
    );
  }
}
