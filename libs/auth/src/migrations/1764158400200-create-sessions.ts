import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessions1764158400200 implements MigrationInterface {
  name = 'CreateSessions1764158400200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        hash text PRIMARY KEY,
        username text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX sessions_expiry ON sessions (expires_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sessions');
  }
}
