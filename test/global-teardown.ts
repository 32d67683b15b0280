import 'tsconfig-paths/register'; // global setup runs outside jest's module mapping
import { dropTestDatabases } from './database';

export default async function globalTeardown(): Promise<void> {
  await dropTestDatabases();
}
