import { Client } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

export interface Schema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

const MIGRATION_LOCK = 0x7468796d; // "thym": one advisory lock id for every process that migrates

/** Creates the database named in the URL when the server does not have it yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // another process created it meanwhile
      });
    }
  } finally {
    await client.end();
  }
}

export function dataSourceOptions(url: string, schema: Schema) {
  return {
    type: 'postgres' as const,
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20 },
  };
}

/** Runs pending migrations while holding an advisory lock, so that of several starting processes one migrates. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Everything a process needs before it touches the database: the database itself, a connection, the schema. */
export async function openDatabase(url: string, schema: Schema, options: { migrate: boolean }): Promise<DataSource> {
  if (options.migrate) await ensureDatabase(url);
  const dataSource = new DataSource(dataSourceOptions(url, schema));
  await dataSource.initialize();
  if (options.migrate) await migrate(dataSource);
  return dataSource;
}
