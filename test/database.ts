import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '@thymis/event-store';
import { CONTROLLER_SCHEMA } from '../apps/api/src/database/schema';

/** Tests use their own databases on the machine's Postgres: a migrated template, cloned once per test file. */
export const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const PREFIX = 'thymis_test_';

/** One id per jest run, set by the global setup and inherited by the workers, so parallel runs never collide. */
const run = () => {
  const id = process.env.THYMIS_TEST_RUN;
  if (!id) throw new Error('THYMIS_TEST_RUN is unset: run the tests through jest, whose global setup sets it');
  return id;
};
const template = () => `${PREFIX}${run()}_template`;

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates this run's migrated template database, once however many jest projects ask. */
export async function createTemplate(): Promise<void> {
  if (process.env.THYMIS_TEST_RUN) return;
  process.env.THYMIS_TEST_RUN = randomBytes(4).toString('hex');
  await admin((client) => client.query(`CREATE DATABASE ${template()}`));
  const db = new DataSource(dataSourceOptions(`${SERVER_URL}/${template()}`, CONTROLLER_SCHEMA));
  await db.initialize();
  await migrate(db);
  await db.destroy();
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${PREFIX}${run()}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template()}`));
  return {
    url: `${SERVER_URL}/${name}`,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Drops what this run left behind, the template included. */
export async function dropTestDatabases(): Promise<void> {
  if (!process.env.THYMIS_TEST_RUN) return;
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${PREFIX}${run()}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
