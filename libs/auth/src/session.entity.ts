import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A browser login. Kept apart from the event log: sessions are credentials that expire, not controller state. */
@Entity('sessions')
export class SessionRecord {
  @PrimaryColumn('text') hash: string;
  @Column('text') username: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
}
