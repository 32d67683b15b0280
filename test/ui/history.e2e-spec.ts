import type { Page } from 'playwright-core';
import { DashboardStack } from './dashboard-stack';

// The history page in headless Chromium against the real controller: commits with author and message, a commit's
// diff, revert after a confirmation, and commits made elsewhere appearing live.

interface Commit {
  sha: string;
  message: string;
  author: string;
}

describe('dashboard history', () => {
  let ui: DashboardStack;
  beforeAll(async () => {
    ui = await DashboardStack.start();
    const { user } = ui.stack;
    await ui.stack.createConfig('lobby');
    await user
      .post('/api/configs/lobby/modules')
      .send({ type: 'kiosk', settings: { url: 'https://first.example/' } })
      .expect(201);
    await user
      .patch('/api/configs/lobby/modules/kiosk')
      .send({ settings: { url: 'https://second.example/' } })
      .expect(200);
  }, 120_000);
  afterAll(() => ui?.close(), 30_000);

  const commits = async (): Promise<Commit[]> => (await ui.stack.user.get('/api/history').expect(200)).body.items;
  const kioskUrl = async () =>
    (await ui.stack.user.get('/api/configs/lobby').expect(200)).body.modules.find(
      (m: { type: string }) => m.type === 'kiosk',
    )?.settings.url;
  const commitList = (page: Page) => page.getByRole('list', { name: 'Commits' });
  const commitButton = (page: Page, subject: string) =>
    commitList(page).getByRole('button', { name: new RegExp(`^${subject}`) });
  /** A logged-in page whose waits fail well before the test's own time limit, naming what they waited for. */
  const open = async (viewport?: { width: number; height: number }) => {
    const page = await ui.loggedIn(viewport);
    page.setDefaultTimeout(15_000);
    return page;
  };

  async function historyPage(page: Page): Promise<void> {
    await page.goto('/history');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await commitButton(page, 'Create configuration lobby').waitFor();
  }

  it('lists the commits newest first with message, author and short sha, and shows the diff of one', async () => {
    const page = await open();
    await historyPage(page);
    const [newest] = await commits();
    const first = commitList(page).getByRole('listitem').first();
    const text = await first.textContent();
    expect(text).toContain('Change settings of module kiosk on configuration lobby');
    expect(text).toContain('admin');
    expect(text).toContain(newest.sha.slice(0, 7));

    await commitButton(page, 'Add module kiosk to configuration lobby').click();
    await page.waitForURL(/\/history\?sha=[0-9a-f]{40}$/);
    const state = page.getByRole('region', { name: 'Changes to state.json' });
    const added = state.getByText(/^\+.*"url": "https:\/\/first\.example\/"/);
    await added.waitFor();
    expect(await added.evaluate((line) => line.closest('.line')?.className)).toContain('added');
    expect(await commitButton(page, 'Add module kiosk').getAttribute('aria-expanded')).toBe('true');
    await ui.screenshot(page, 'history-diff');

    // The change after it removes that line again and adds the new URL.
    await commitButton(page, 'Change settings of module kiosk').click();
    const removed = state.getByText(/^-.*"url": "https:\/\/first\.example\/"/);
    await removed.waitFor();
    expect(await removed.evaluate((line) => line.closest('.line')?.className)).toContain('removed');
    // The newest commit is the state as it is: nothing to revert to.
    await page.getByText('This is the current state.').waitFor();
  });

  it('reverts to an earlier commit only once confirmed: the old value is back, as a new commit', async () => {
    const page = await open();
    await historyPage(page);
    const before = await commits();
    const target = before.find((c) => c.message.startsWith('Add module kiosk'))!;
    await commitButton(page, 'Add module kiosk').click();
    const revert = page.getByRole('button', { name: `Revert to ${target.sha.slice(0, 7)}` });

    await revert.click();
    const dialog = page.getByRole('dialog', { name: `Revert to ${target.sha.slice(0, 7)}?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await commits()).length).toBe(before.length);
    expect(await kioskUrl()).toBe('https://second.example/');

    await revert.click();
    await dialog.waitFor();
    await ui.screenshot(page, 'history-revert-confirm');
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/history/${target.sha}/revert`));
    await dialog.getByRole('button', { name: 'Revert' }).click();
    expect((await answered).status()).toBe(200);
    await page
      .getByRole('status')
      .getByText(`Reverted to ${target.sha.slice(0, 7)}`)
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });

    expect(await kioskUrl()).toBe('https://first.example/');
    const after = await commits();
    expect(after.length).toBe(before.length + 1);
    // The list shows the new commit on top, opened with its diff.
    await commitList(page).getByRole('listitem').first().getByText(after[0].sha.slice(0, 7)).waitFor();
    await page
      .getByRole('region', { name: 'Changes to state.json' })
      .getByText(/^\+.*first\.example/)
      .waitFor();
    await ui.screenshot(page, 'history-reverted');
  });

  it('shows a change made elsewhere without a reload, and fits a narrow screen', async () => {
    const page = await open({ width: 390, height: 844 });
    await historyPage(page);
    await ui.stack.user.post('/api/tags').send({ displayName: 'Screens' }).expect(201);
    await commitButton(page, 'Create tag screens').waitFor();
    expect((await commits())[0].message).toMatch(/^Create tag screens/);
    await commitButton(page, 'Create tag screens').click();
    await page
      .getByRole('region', { name: /^Changes to / })
      .first()
      .waitFor();
    // Nothing wider than the screen: long diff lines scroll inside their file.
    const width = await page.locator('html').evaluate((html) => html.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await ui.screenshot(page, 'history-narrow');
  });
});
