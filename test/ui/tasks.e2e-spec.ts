import { mkdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { until } from '../build-stack';
import { DashboardStack } from './dashboard-stack';

// The queue monitor and a task's own page in headless Chromium, against the real controller, a real worker and real
// Nix: live bars and log lines, cancel and retry, filters, queue counts and workers.

const short = (id: string) => id.slice(0, 8);

describe('dashboard tasks', () => {
  let ui: DashboardStack;
  beforeAll(async () => (ui = await DashboardStack.start()), 120_000);
  afterAll(() => ui?.close(), 30_000);

  /**
   * A build step that prints "tick 1", "tick 2", … every 0.2 s until `open()`: log lines that can only reach a page
   * already showing the log through the live feed.
   */
  async function ticker(name: string) {
    const dir = join(ui.stack.tmp, `ticker-${name}`);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'closed');
    await writeFile(file, '');
    const code = `{ pkgs, ... }:
{
  environment.etc."ticker".source = pkgs.runCommand "ticker-${name}" { } ''
    n=0
    while [ -e ${file} ] && [ $n -lt 600 ]; do n=$((n + 1)); echo "tick $n"; sleep 0.2; done
    mkdir -p "$out"
    echo ok > "$out/ticker"
  '';
}
`;
    return { module: { type: 'custom-nix', settings: { code } }, open: () => rm(file, { force: true }) };
  }

  /** The task list, shown and following the live feed. */
  async function tasksPage(page: Page, query = ''): Promise<void> {
    await page.goto(`/tasks${query}`);
    await page.getByRole('heading', { name: 'All tasks' }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
  }

  const rowOf = (page: Page, id: string) => page.getByRole('row').filter({ hasText: short(id) });
  const status = async (id: string) => (await ui.stack.task(id)).status;

  it('shows a running build live: its bar in the list, then its log streaming on its page up to the download', async () => {
    const build = await ticker('watched');
    await ui.stack.createConfig('watched', [build.module]);
    const page = await ui.loggedIn();
    await tasksPage(page);

    const id = await ui.stack.requestBuild('watched');
    const row = rowOf(page, id);
    await row.getByText('running', { exact: true }).waitFor();
    await row.getByText('building ticker-watched').waitFor();
    const bar = row.getByRole('progressbar');
    const percent = Number(await bar.getAttribute('aria-valuenow'));
    expect(percent).toBeGreaterThanOrEqual(0);
    expect(percent).toBeLessThan(100);
    await ui.screenshot(page, 'tasks-running');

    const logRequests: Request[] = [];
    page.on('request', (request) => request.url().endsWith(`/api/tasks/${id}/logs`) && logRequests.push(request));
    await row.getByRole('link', { name: `Image build ${short(id)}` }).click();
    await page.waitForURL(`**/tasks/${id}`);
    const log = page.getByRole('log', { name: 'Task log' });
    const lastTick = async () =>
      Math.max(
        0,
        ...(await log.getByText(/^ticker-watched> tick \d+$/).allTextContents()).map((t) => +t.split(' ').pop()!),
      );
    const shownAtFirst = await until(lastTick, (tick) => tick > 0);
    await log.getByText(`ticker-watched> tick ${shownAtFirst + 5}`, { exact: true }).waitFor();
    // Five more lines, and the log was not fetched again for them: they came live.
    const fetches = logRequests.length;
    await log.getByText(`ticker-watched> tick ${shownAtFirst + 10}`, { exact: true }).waitFor();
    expect(logRequests.length).toBe(fetches);
    expect(await page.getByText('— complete —').count()).toBe(0);
    await ui.screenshot(page, 'task-log-streaming');

    await build.open();
    const download = page.getByRole('link', { name: 'Download thymis-image-watched.img' });
    await download.waitFor();
    expect(await download.getAttribute('href')).toBe(`/api/tasks/${id}/artifact`);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await log.getByText('— complete —').waitFor();
    expect(await status(id)).toBe('succeeded');
    // Every tick once: the lines fetched and the lines followed join without a gap or a repeat.
    const ticks = await log.getByText(/^ticker-watched> tick \d+$/).allTextContents();
    expect(ticks).toEqual(ticks.map((_, i) => `ticker-watched> tick ${i + 1}`));
    await ui.screenshot(page, 'task-succeeded');
  });

  it('cancels a running build from its row, then retries it from its page, which follows the new task', async () => {
    const build = await ticker('stopped');
    await ui.stack.createConfig('stopped', [build.module]);
    const id = await ui.stack.requestBuild('stopped');
    await ui.stack.waitFor(id, 'running');
    const page = await ui.loggedIn();
    await tasksPage(page);

    const row = rowOf(page, id);
    await row.getByRole('button', { name: `Cancel task ${short(id)}` }).click();
    await page
      .getByRole('status')
      .getByText(`Task ${short(id)} cancelled.`)
      .waitFor();
    await row.getByText('cancelled', { exact: true }).waitFor();
    expect(await ui.stack.task(id)).toMatchObject({
      status: 'cancelled',
      reason: expect.stringMatching(/^cancelled by/),
    });
    await ui.screenshot(page, 'tasks-cancelled');

    await row.getByRole('link', { name: `Image build ${short(id)}` }).click();
    await page.waitForURL(`**/tasks/${id}`);
    await page.getByText(/^cancelled by/).waitFor();
    await page.getByRole('button', { name: `Retry task ${short(id)}` }).click();
    await page.waitForURL((url) => /^\/tasks\/[\w-]+$/.test(url.pathname) && !url.pathname.endsWith(id));
    const retry = page.url().split('/').pop()!;
    expect(await ui.stack.task(retry)).toMatchObject({ retryOf: id, configId: 'stopped' });
    await page.getByRole('link', { name: `Task ${short(id)}` }).waitFor(); // "Retry of"
    await page.getByRole('heading', { name: `Image build ${short(retry)}` }).waitFor();
    await build.open();
    await page.getByRole('link', { name: 'Download thymis-image-stopped.img' }).waitFor();
    await ui.screenshot(page, 'task-retried');
  });

  it('filters by state and type, in the URL, and runs a probe', async () => {
    const page = await ui.loggedIn();
    await tasksPage(page);
    await page.getByRole('button', { name: 'Run probe' }).click();
    const note = page.getByRole('status').filter({ hasText: 'Probe' });
    await note.waitFor();
    const probe = (await note.getByRole('link', { name: 'Open task' }).getAttribute('href'))!.split('/').pop()!;
    await until(
      () => status(probe),
      (s) => s === 'succeeded',
    );

    await page.getByLabel('State').selectOption('cancelled');
    await page.waitForURL(/\/tasks\?status=cancelled$/);
    const states = page.getByRole('row').getByText(/^(queued|running|succeeded|failed|cancelled)$/);
    await until(
      () => states.allTextContents(),
      (shown) => shown.length > 0 && shown.every((s) => s === 'cancelled'),
    );
    const cancelled = (await ui.stack.user.get('/api/tasks').query({ status: 'cancelled' }).expect(200)).body;
    await page.getByText(`1–${cancelled.total} of ${cancelled.total}`).waitFor();

    await page.getByLabel('State').selectOption('succeeded');
    await page.getByLabel('Type').selectOption('probe');
    await page.waitForURL(/\/tasks\?status=succeeded&type=probe$/);
    await rowOf(page, probe).waitFor();
    const types = page.getByRole('row').getByRole('link', { name: /^(Image build|Probe) / });
    await until(
      () => types.allTextContents(),
      (shown) => shown.length > 0 && shown.every((s) => s.startsWith('Probe')),
    );
    await ui.screenshot(page, 'tasks-filtered');

    // The filter is the link: opened afresh, the page shows the same.
    await tasksPage(page, '?status=cancelled&type=probe');
    expect(await page.getByLabel('State').inputValue()).toBe('cancelled');
    await page.getByText('No tasks match these filters.').waitFor();
  });

  it("shows each queue's counts and the connected worker, and fits a narrow screen", async () => {
    const page = await ui.loggedIn({ width: 390, height: 844 });
    await tasksPage(page);
    const queue = page.getByRole('region', { name: 'Queue image-builds' });
    await queue.getByText(`${hostname()}:${ui.worker.pid}`).waitFor();
    const counts = (await ui.stack.user.get('/api/queues').expect(200)).body.find(
      (q: { name: string }) => q.name === 'image-builds',
    ).counts;
    for (const name of ['waiting', 'active', 'completed', 'failed', 'delayed', 'paused']) {
      const count = queue.locator('dl > div', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) });
      expect({ name, value: Number(await count.locator('dd').textContent()) }).toEqual({ name, value: counts[name] });
    }
    expect(counts.completed).toBeGreaterThan(0);
    // Nothing wider than the screen: the table has become cards.
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await ui.screenshot(page, 'tasks-narrow');
  });
});
