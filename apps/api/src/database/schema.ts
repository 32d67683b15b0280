import { CreateSessions1764158400200, SessionRecord } from '@thymis/auth';
import { CreateEventStore1764158400000, type Schema } from '@thymis/event-store';
import { CreateReadModels1764158400100, CreateTasks1764158400300, READ_MODEL_ENTITIES } from '@thymis/projections';

/** Every table the controller owns, and the migrations that make them, in order. */
export const CONTROLLER_SCHEMA: Schema = {
  entities: [...READ_MODEL_ENTITIES, SessionRecord],
  migrations: [
    CreateEventStore1764158400000,
    CreateReadModels1764158400100,
    CreateSessions1764158400200,
    CreateTasks1764158400300,
  ],
};
