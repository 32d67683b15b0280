export * from './read-model.entities';
export * from './read-model.projection';
export { CreateReadModels1764158400100 } from './migrations/1764158400100-create-read-models';
export * from './repository/commit-message';
export * from './repository/repository.projection';
export * from './task-record.entity';
export { CreateTasks1764158400300 } from './migrations/1764158400300-create-tasks';
export * from './repository/state-at';
