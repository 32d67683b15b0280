/** Test helpers shared by specs anywhere in the tree, imported as @thymis/testing. */
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@thymis/event-store';
import { CONTROLLER_SCHEMA } from '../apps/api/src/database/schema';

export { createTestDatabase, type TestDatabase } from './database';

/** A connection to a test database with every controller table mapped. */
export const openTestDataSource = (url: string) =>
  new DataSource(dataSourceOptions(url, CONTROLLER_SCHEMA)).initialize();
