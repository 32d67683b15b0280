import 'tsconfig-paths/register'; // global setup runs outside jest's module mapping
import { createTemplate } from './database';

export default async function globalSetup(): Promise<void> {
  await createTemplate();
}
