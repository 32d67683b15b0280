import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTasks1764158400300 implements MigrationInterface {
  name = 'CreateTasks1764158400300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        config_id text,
        status text NOT NULL,
        position bigint,
        commit text,
        attempts integer NOT NULL,
        retry_of uuid,
        artifact jsonb,
        reason text,
        requested_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX tasks_listing ON tasks (created_at DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE tasks');
  }
}
