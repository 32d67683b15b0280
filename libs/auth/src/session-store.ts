import { LessThan, MoreThan, type DataSource } from 'typeorm';
import { hashSecret, newSecret } from './secrets';
import { SessionRecord } from './session.entity';

export class SessionStore {
  constructor(
    private readonly db: DataSource,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Opens a session and returns its secret; only the secret's hash is stored. */
  async open(username: string): Promise<{ secret: string; expiresAt: Date }> {
    const secret = newSecret();
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + this.ttlSeconds * 1000);
    await this.db.getRepository(SessionRecord).insert({ hash: hashSecret(secret), username, createdAt, expiresAt });
    return { secret, expiresAt };
  }

  /** The user of a live session, or undefined. */
  async user(secret: string): Promise<string | undefined> {
    const record = await this.db
      .getRepository(SessionRecord)
      .findOneBy({ hash: hashSecret(secret), expiresAt: MoreThan(this.now()) });
    return record?.username;
  }

  async close(secret: string): Promise<void> {
    await this.db.getRepository(SessionRecord).delete({ hash: hashSecret(secret) });
  }

  /** Deletes expired sessions; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.db.getRepository(SessionRecord).delete({ expiresAt: LessThan(this.now()) });
    return result.affected ?? 0;
  }
}
