import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReadModels1764158400100 implements MigrationInterface {
  name = 'CreateReadModels1764158400100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE configs (
        identifier text PRIMARY KEY,
        display_name text NOT NULL,
        hardware_model text NOT NULL,
        image_format text NOT NULL,
        tags jsonb NOT NULL,
        modules jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX configs_tags ON configs USING gin (tags)`);
    await db.query(`
      CREATE TABLE tags (
        identifier text PRIMARY KEY,
        display_name text NOT NULL,
        priority integer NOT NULL,
        modules jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        hash text NOT NULL UNIQUE,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE api_tokens');
    await db.query('DROP TABLE tags');
    await db.query('DROP TABLE configs');
  }
}
