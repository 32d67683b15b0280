import { Logger } from '@nestjs/common';
import { loadConfig } from '@thymis/config';
import { createApi } from './api';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi(config);
  await app.listen(config.listen.port, config.listen.host);
  const logger = new Logger('Thymis');
  logger.log(`controller listening on ${config.baseUrl} (API docs at ${new URL('docs', config.baseUrl).href})`);
  logger.log(`log in as '${config.auth.username}' with the password in ${config.auth.passwordFile}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
