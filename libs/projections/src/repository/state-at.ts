import type { EntityManager } from 'typeorm';
import type { StateDocument } from '@thymis/domain';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from '@thymis/event-store';
import { StateFold } from './state-fold';

/**
 * The state as it was at a log position, folded from the events. Rendered, it is exactly the repository's tree at the
 * commit of that position, so a worker on any machine can rebuild what a task asked for with Postgres alone.
 */
export async function stateAt(db: Pick<EntityManager, 'query'>, position: number): Promise<StateDocument> {
  const rows: EventRow[] = await db.query(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE position <= $1 AND (stream_id LIKE 'config-%' OR stream_id LIKE 'tag-%') ORDER BY position`,
    [position],
  );
  const fold = new StateFold();
  rows.map(toStoredEvent).forEach((event) => fold.apply(event));
  return fold.document();
}
