import type { EntityManager } from 'typeorm';

type Executor = Pick<EntityManager, 'query'>;

/**
 * The advisory lock every append holds in shared mode until its transaction ends, taken before it draws positions
 * (APPEND_MARKER in the append_events migration). Nobody takes it exclusively, so it never blocks; it only lets a
 * reader name the appending transactions in flight. pg_locks shows the 64-bit key as classid ("thym") and objid (1).
 */
const CLASS_ID = 0x7468796d;
const OBJECT_ID = 1;
const KEY = ((BigInt(CLASS_ID) << 32n) | BigInt(OBJECT_ID)).toString();

/** Shared: this transaction appends (and may draw positions beside other appends). Take it before any stream lock. */
export async function markAppending(executor: Executor): Promise<void> {
  await executor.query(`SELECT pg_advisory_xact_lock_shared(${KEY})`);
}

/** Exclusive: this transaction's appends get consecutive positions; others wait until it ends. */
export async function appendAlone(executor: Executor): Promise<void> {
  await executor.query(`SELECT pg_advisory_xact_lock(${KEY})`);
}

const HOLDERS = `
  SELECT virtualtransaction FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND classid = ${CLASS_ID} AND objid = ${OBJECT_ID} AND objsubid = 1
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/** The appending transactions in flight now (virtual transaction ids). */
export async function appendsInFlight(executor: Executor): Promise<string[]> {
  const rows: { virtualtransaction: string }[] = await executor.query(HOLDERS);
  return rows.map((r) => r.virtualtransaction);
}

/** True once every one of these appending transactions has ended, its events visible to any later read. */
export async function appendsEnded(transactions: string[], executor: Executor): Promise<boolean> {
  if (transactions.length === 0) return true;
  const rows: unknown[] = await executor.query(`${HOLDERS} AND virtualtransaction = ANY($1)`, [transactions]);
  return rows.length === 0;
}
