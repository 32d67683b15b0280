import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newSecret } from './secrets';

/** Creates the password file with a random password when it is missing. True when it was created. */
export async function ensurePasswordFile(path: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, `${newSecret(18)}\n`, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Read at every login, so that replacing the file changes the password without a restart. */
export async function readPassword(path: string): Promise<string> {
  return (await readFile(path, 'utf8')).trim();
}
