import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BuildStack } from '../build-stack';
import type { WorkerProcess } from '../worker-process';

/** Debian's Chromium; the flags keep it off a network this machine does not have. */
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = join(__dirname, 'screenshots');

/**
 * The whole controller as a user meets it: the API serving the built dashboard on a port of its own, a real worker
 * process with real Nix (see BuildStack), and headless Chromium driven by Playwright.
 */
export class DashboardStack {
  private constructor(
    readonly stack: BuildStack,
    readonly worker: WorkerProcess,
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<DashboardStack> {
    const stack = await BuildStack.start({ concurrency: 1 });
    try {
      await stack.api.app.listen(0, '127.0.0.1');
      const { port } = stack.api.app.getHttpServer().address() as AddressInfo;
      const worker = await stack.startWorker();
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      mkdirSync(SCREENSHOTS, { recursive: true });
      return new DashboardStack(stack, worker, browser, `http://127.0.0.1:${port}`);
    } catch (error) {
      await stack.close();
      throw error;
    }
  }

  /** A fresh browser (its own cookies) at 1280×800, or another size. */
  context(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
    return this.browser.newContext({ baseURL: this.baseUrl, viewport });
  }

  /** A page of a fresh browser, logged in through the login form, on the overview. */
  async loggedIn(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await (await this.context(viewport)).newPage();
    await page.goto('/login');
    await this.logIn(page);
    await page.waitForURL('**/overview');
    return page;
  }

  /** Fills in and sends the login form `page` shows; the dashboard then goes on to the page first asked for. */
  async logIn(page: Page): Promise<void> {
    await page.getByLabel('Username').fill(this.stack.api.config.auth.username);
    await page.getByLabel('Password').fill(await this.stack.api.password());
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  /** Saves what the page shows as test/ui/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<Buffer> {
    return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.stack.close();
  }
}
