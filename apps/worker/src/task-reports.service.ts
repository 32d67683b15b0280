import { Injectable } from '@nestjs/common';
import { streams, taskAggregate, type TaskCommand } from '@thymis/domain';
import { CommandRunner, type CommandOptions } from '@thymis/event-store';

/** How workers tell the log what became of a task; reports about an ended task change nothing. */
@Injectable()
export class TaskReports {
  constructor(private readonly commands: CommandRunner) {}

  /** `from`: the result of this worker's last report on the task, which spares reading its stream again. */
  report(taskId: string, command: TaskCommand, from?: CommandOptions['from']) {
    return this.commands.execute(streams.task(taskId), taskId, taskAggregate, command, {
      metadata: { actor: 'worker', correlationId: taskId },
      from,
    });
  }
}
