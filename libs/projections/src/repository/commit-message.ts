import type { StoredEvent } from '@thymis/event-store';

const POSITION_TRAILER = 'Thymis-Position';

/** What one event changed, as a line of a commit message. */
export function describeEvent(event: StoredEvent): string {
  const [kind, action] = event.type.split('.');
  const owner = `${kind === 'config' ? 'configuration' : kind} ${event.streamId.slice(kind.length + 1)}`;
  const data = event.data as { module?: { type: string }; type?: string } & Record<string, unknown>;
  switch (action) {
    case 'created':
      return `Create ${owner}`;
    case 'updated':
      return `Change ${Object.keys(data).join(', ')} of ${owner}`;
    case 'deleted':
      return `Delete ${owner}`;
    case 'module-added':
      return `Add module ${data.module?.type} to ${owner}`;
    case 'module-updated':
      return `Change settings of module ${data.type} on ${owner}`;
    case 'module-removed':
      return `Remove module ${data.type} from ${owner}`;
    default:
      return `${event.type} on ${event.streamId}`;
  }
}

/** Subject (the cause, or the first change), every change in the body, and the log position as a trailer. */
export function commitMessage(events: StoredEvent[]): string {
  const lines = events.map(describeEvent);
  const cause = events[0].metadata.cause;
  const subject = cause ?? (lines.length === 1 ? lines[0] : `${lines[0]} (and ${lines.length - 1} more)`);
  const body = cause || lines.length > 1 ? `\n${lines.map((l) => `- ${l}`).join('\n')}\n` : '';
  const last = events[events.length - 1];
  return `${subject}\n${body}\n${POSITION_TRAILER}: ${last.position}\nThymis-Correlation-Id: ${last.metadata.correlationId}\n`;
}

/** The log position a commit message records, or 0. */
export function positionOf(message: string): number {
  const match = new RegExp(`^${POSITION_TRAILER}: (\\d+)$`, 'm').exec(message);
  return match ? Number(match[1]) : 0;
}
