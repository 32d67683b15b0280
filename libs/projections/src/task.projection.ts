import { In, type EntityManager } from 'typeorm';
import { evolveTask, streamIdentifier, type Task, type TaskEvent } from '@thymis/domain';
import type { StoredEvent } from '@thymis/event-store';
import { TaskRecord } from './task-record.entity';

/** Tasks come by the thousand: one read and one write per batch of events, not per event. */
export async function projectTasks(manager: EntityManager, events: (StoredEvent & TaskEvent)[]): Promise<void> {
  if (events.length === 0) return;
  const ids = [...new Set(events.map((e) => streamIdentifier(e.streamId)))];
  const records = new Map((await manager.findBy(TaskRecord, { id: In(ids) })).map((r) => [r.id, r]));
  const touched = new Set<string>();
  for (const event of events) {
    const id = streamIdentifier(event.streamId);
    const current = records.get(id);
    const next = evolveTask(current && taskOf(current), event);
    if (!next) continue;
    const at = new Date(event.metadata.at);
    records.set(id, {
      id,
      ...next,
      configId: next.configId ?? null,
      position: next.position ?? null,
      commit: next.commit ?? null,
      retryOf: next.retryOf ?? null,
      artifact: next.artifact ?? null,
      reason: next.reason ?? null,
      requestedBy: current?.requestedBy ?? event.metadata.actor,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
    });
    touched.add(id);
  }
  await manager.upsert(
    TaskRecord,
    [...touched].map((id) => records.get(id)!),
    ['id'],
  );
}

const taskOf = (r: TaskRecord): Task => ({
  type: r.type,
  status: r.status,
  attempts: r.attempts,
  configId: r.configId ?? undefined,
  position: r.position ?? undefined,
  commit: r.commit ?? undefined,
  retryOf: r.retryOf ?? undefined,
  artifact: r.artifact ?? undefined,
  reason: r.reason ?? undefined,
});
