import { until } from '../build-stack';
import { DashboardStack } from './dashboard-stack';
import { errorBeside, moduleOwnerPage, pageWidth } from './page-helpers';

// Tags in headless Chromium against the real controller: creating one with a priority, its modules in the same
// editor as configurations, editing its priority, deleting it.

describe('dashboard tags', () => {
  let ui: DashboardStack;
  beforeAll(async () => (ui = await DashboardStack.start()), 120_000);
  afterAll(() => ui?.close(), 30_000);

  const tag = async (id: string) => (await ui.stack.user.get(`/api/tags/${id}`).expect(200)).body;

  const tagPage = (id: string, viewport?: { width: number; height: number }) =>
    moduleOwnerPage(ui, `/tags/${id}`, viewport);

  it('creates a tag with a priority through its dialog; a taken identifier is refused beside its field', async () => {
    const page = await ui.loggedIn();
    await page.goto('/tags');
    await page.getByText('No tags yet').waitFor();

    await page.getByRole('button', { name: 'Create tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create tag' });
    await dialog.getByLabel('Name', { exact: true }).fill('Lobby screens');
    await dialog.getByLabel('Priority').fill('10');
    await ui.screenshot(page, 'tags-create-dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL('**/tags/lobby-screens');
    await page.getByRole('heading', { name: 'Lobby screens', level: 1 }).waitFor();
    expect(await tag('lobby-screens')).toMatchObject({ displayName: 'Lobby screens', priority: 10, modules: [] });

    await page.getByRole('link', { name: 'All tags' }).click();
    const row = page.getByRole('row').filter({ hasText: 'lobby-screens' });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).map((text) => text.trim())).toEqual([
      'Lobby screens',
      'lobby-screens',
      '10',
      '0',
    ]);

    await page.getByRole('button', { name: 'Create tag' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('Another');
    const identifier = dialog.getByLabel('Identifier');
    await identifier.fill('lobby-screens');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await errorBeside(identifier, /tag 'lobby-screens' already exists/);
    expect(await identifier.getAttribute('aria-invalid')).toBe('true');
    await ui.screenshot(page, 'tags-create-duplicate');
  });

  it("adds a module to a tag and sets its settings; a list's refused entry shows its error beside it", async () => {
    await ui.stack.user.post('/api/tags').send({ displayName: 'Berlin office', identifier: 'berlin' }).expect(201);
    const page = await tagPage('berlin');

    await page.getByRole('button', { name: 'Add module' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add module' });
    await dialog.getByLabel('Search modules').fill('time zone');
    expect(await dialog.getByRole('listitem').count()).toBe(1);
    await ui.screenshot(page, 'tags-add-module-dialog');
    await dialog.getByRole('button', { name: /^Localization & Time/ }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Set Time zone' }).click();
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Save Time zone' }).click();
    await page.getByRole('button', { name: 'Clear Time zone' }).waitFor();

    await page.getByRole('button', { name: 'Set NTP servers' }).click();
    await page.getByRole('button', { name: 'Add entry to NTP servers' }).click();
    await page.getByRole('button', { name: 'Add entry to NTP servers' }).click();
    await page.getByLabel('NTP servers 1', { exact: true }).fill('pool.ntp.org');
    const second = page.getByLabel('NTP servers 2', { exact: true });
    await second.fill('ntp server');
    await page.getByRole('button', { name: 'Save NTP servers' }).click();
    await errorBeside(second, /must be a host name/);
    await ui.screenshot(page, 'tags-module-refused-entry');
    await second.fill('192.0.2.1');
    await page.getByRole('button', { name: 'Save NTP servers' }).click();
    await page.getByRole('button', { name: 'Clear NTP servers' }).waitFor();

    expect((await tag('berlin')).modules).toEqual([
      { type: 'localization', settings: { timeZone: 'Europe/Berlin', ntpServers: ['pool.ntp.org', '192.0.2.1'] } },
    ]);
    await ui.screenshot(page, 'tags-module-set');
  });

  it('edits the priority on the tag page, lists the configurations carrying it, deletes it on confirmation', async () => {
    await ui.stack.user.post('/api/tags').send({ displayName: 'Kiosks', identifier: 'kiosks' }).expect(201);
    await ui.stack.user
      .post('/api/configs')
      .send({ displayName: 'Hall kiosk', hardwareModel: 'raspberry-pi-4', tags: ['kiosks'] })
      .expect(201);
    const page = await tagPage('kiosks');
    await page.getByRole('link', { name: 'Hall kiosk' }).waitFor();

    await page.getByLabel('Priority').fill('5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await until(
      async () => (await tag('kiosks')).priority,
      (priority) => priority === 5,
    );
    await ui.screenshot(page, 'tags-detail');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete Kiosks?' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/tags$/);
    await ui.stack.user.get('/api/tags/kiosks').expect(404);
    expect((await ui.stack.user.get('/api/configs/hall-kiosk').expect(200)).body.tags).toEqual([]);
  });

  it('fits a narrow screen: the list becomes cards, the tag page and its dialog fit', async () => {
    await ui.stack.user
      .post('/api/tags')
      .send({ displayName: 'Narrow', identifier: 'narrow', priority: 3 })
      .expect(201);
    const page = await tagPage('narrow', { width: 390, height: 844 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Add module' }).click();
    await page.getByRole('dialog', { name: 'Add module' }).waitFor();
    await ui.screenshot(page, 'tags-add-module-narrow');
    await page.keyboard.press('Escape');

    await page.goto('/tags');
    await page.getByRole('link', { name: 'Narrow' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await ui.screenshot(page, 'tags-list-narrow');
  });
});
