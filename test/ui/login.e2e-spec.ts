import { until } from '../build-stack';
import { DashboardStack } from './dashboard-stack';

// Logging in and out of the dashboard in headless Chromium, against the real controller.

describe('dashboard login', () => {
  let ui: DashboardStack;
  beforeAll(async () => (ui = await DashboardStack.start()), 90_000);
  afterAll(() => ui?.close(), 30_000);

  it('refuses a wrong password with an error, lets the right one in, back to the page asked for', async () => {
    const page = await (await ui.context()).newPage();
    await page.goto('/tasks');
    await page.waitForURL(/\/login\?returnUrl=%2Ftasks$/);

    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Wrong username or password.');
    await ui.screenshot(page, 'login-wrong-password');

    await page.getByLabel('Password').fill(await ui.stack.api.password());
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/tasks');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await ui.screenshot(page, 'login-landed');
  });

  it('logs out: every page is behind the login again', async () => {
    const page = await ui.loggedIn();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    for (const path of ['/overview', '/configurations', '/history']) {
      await page.goto(path);
      await page.waitForURL(/\/login\?returnUrl=/);
    }
    await ui.screenshot(page, 'logged-out');
  });

  it('fits a narrow screen: the sidebar opens from the menu button', async () => {
    const page = await ui.loggedIn({ width: 390, height: 844 });
    const tags = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' });
    expect(await tags.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await tags.waitFor({ state: 'visible' });
    // Slid all the way in (it moves in with a transition).
    const sidebar = page.locator('#sidebar');
    await until(
      () => sidebar.boundingBox(),
      (box) => box?.x === 0,
      5_000,
    );
    await ui.screenshot(page, 'narrow-menu');
    await tags.click();
    await page.waitForURL('**/tags');
  });
});
