import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@thymis/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  await app.init();
  new Logger('Worker').log(`worker ready (pid ${process.pid}, concurrency ${config.worker.concurrency})`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
