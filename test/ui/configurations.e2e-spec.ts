import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Response } from 'supertest';
import { until } from '../build-stack';
import { DashboardStack } from './dashboard-stack';
import { errorBeside, moduleOwnerPage, pageWidth } from './page-helpers';

// Configurations in headless Chromium against the real controller, a real worker and real Nix: the Create New Device
// dialog, Core Device Configuration, the module editor, Download Replacement Image, and live updates between browsers.

const binary = (response: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('dashboard configurations', () => {
  let ui: DashboardStack;
  beforeAll(async () => (ui = await DashboardStack.start()), 120_000);
  afterAll(() => ui?.close(), 30_000);

  const config = async (id: string) => (await ui.stack.user.get(`/api/configs/${id}`).expect(200)).body;
  const moduleOf = async (id: string, type: string) =>
    (await config(id)).modules.find((m: { type: string }) => m.type === type);

  const detailPage = (id: string, viewport?: { width: number; height: number }) =>
    moduleOwnerPage(ui, `/configurations/${id}`, viewport);

  async function addModule(page: Page, search: string, name: RegExp): Promise<void> {
    await page.getByRole('button', { name: 'Add module' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add module' });
    await dialog.getByLabel('Search modules').fill(search);
    await dialog.getByRole('button', { name }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('creates a configuration through Create New Device; a duplicate name shows the error beside the name', async () => {
    await ui.stack.user.post('/api/tags').send({ displayName: 'Lobby screens', identifier: 'lobby' }).expect(201);
    const page = await ui.loggedIn();
    await page.goto('/configurations');
    await page.getByText('No configurations yet').waitFor();

    await page.getByRole('button', { name: 'Create New Device' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create New Device' });
    await dialog.getByLabel('Name', { exact: true }).fill('Entrance Kiosk');
    await dialog.getByLabel('Hardware model').selectOption({ label: 'Generic x86-64' });
    await dialog.getByLabel('Image format').selectOption({ label: 'QCOW2 (virtual machines)' });
    await dialog.getByRole('checkbox', { name: /Lobby screens/ }).check();
    await ui.screenshot(page, 'configurations-create-dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL('**/configurations/entrance-kiosk');
    await page.getByRole('heading', { name: 'Entrance Kiosk' }).waitFor();
    expect(await config('entrance-kiosk')).toMatchObject({
      displayName: 'Entrance Kiosk',
      hardwareModel: 'generic-x86_64',
      imageFormat: 'qcow',
      tags: ['lobby'],
    });

    await page.getByRole('link', { name: 'All configurations' }).click();
    const row = page.getByRole('row').filter({ hasText: 'entrance-kiosk' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Lobby screens');
    await ui.screenshot(page, 'configurations-list');

    await page.getByRole('button', { name: 'Create New Device' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('Entrance  kiosk!');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const name = dialog.getByLabel('Name', { exact: true });
    await errorBeside(name, /configuration 'entrance-kiosk' already exists/);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await ui.screenshot(page, 'configurations-create-duplicate');
  });

  it('adds Kiosk, sets its URL (an out-of-range port is refused beside its field), clears a setting with its X', async () => {
    await ui.stack.createConfig('kiosk-lobby');
    const page = await detailPage('kiosk-lobby');
    await addModule(page, 'browser', /^Kiosk/);
    await page.getByRole('heading', { name: 'Kiosk', level: 3 }).waitFor();

    await page.getByRole('button', { name: 'Set URL' }).click();
    await page.getByLabel('URL', { exact: true }).fill('https://example.org/lobby');
    await page.getByRole('button', { name: 'Save URL' }).click();
    await page.getByRole('button', { name: 'Clear URL' }).waitFor();
    expect((await moduleOf('kiosk-lobby', 'kiosk')).settings).toEqual({ url: 'https://example.org/lobby' });

    await page.getByRole('button', { name: 'Set VNC port' }).click();
    const port = page.getByLabel('VNC port', { exact: true });
    expect(await port.inputValue()).toBe('5900'); // starts from the default
    await port.fill('70000');
    await page.getByRole('button', { name: 'Save VNC port' }).click();
    await errorBeside(port, /must be a whole number from 1 to 65535/);
    await ui.screenshot(page, 'configurations-kiosk-refused-port');
    await port.fill('5901');
    await page.getByRole('button', { name: 'Save VNC port' }).click();
    await page.getByRole('button', { name: 'Clear VNC port' }).waitFor();
    expect((await moduleOf('kiosk-lobby', 'kiosk')).settings).toEqual({
      url: 'https://example.org/lobby',
      vncPort: 5901,
    });

    await page.getByRole('button', { name: 'Set Enable VNC' }).click();
    await page.getByRole('switch', { name: 'Enable VNC' }).check();
    await page.getByRole('button', { name: 'Save Enable VNC' }).click();
    await page.getByRole('button', { name: 'Clear Enable VNC' }).waitFor();
    await page.getByRole('button', { name: 'Set Screen rotation' }).click();
    await page.getByLabel('Screen rotation', { exact: true }).selectOption('left');
    await page.getByRole('button', { name: 'Save Screen rotation' }).click();
    await page.getByRole('button', { name: 'Clear Screen rotation' }).waitFor();
    expect((await moduleOf('kiosk-lobby', 'kiosk')).settings).toEqual({
      url: 'https://example.org/lobby',
      vncPort: 5901,
      enableVnc: true,
      rotation: 'left',
    });
    await ui.screenshot(page, 'configurations-kiosk-set');

    await page.getByRole('button', { name: 'Clear URL' }).click();
    await page.getByRole('button', { name: 'Set URL' }).waitFor();
    expect((await moduleOf('kiosk-lobby', 'kiosk')).settings).toEqual({
      vncPort: 5901,
      enableVnc: true,
      rotation: 'left',
    });
    await ui.screenshot(page, 'configurations-kiosk-cleared');
  });

  it("shows the server's refusal of Custom Nix under the editor, with its line marked", async () => {
    await ui.stack.createConfig('custom-code');
    const page = await detailPage('custom-code');
    await addModule(page, 'custom', /^Custom Nix/);

    await page.getByRole('button', { name: 'Set Nix code' }).click();
    const editor = page.getByLabel('Nix code', { exact: true });
    await editor.fill('{ pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.htop ]\n  services.foo = 1;\n}\n');
    await page.getByRole('button', { name: 'Save Nix code' }).click();
    await errorBeside(editor, /^Nix syntax error at line 4, column \d+:/);
    expect(await page.getByTitle('Error on this line').textContent()).toContain('4');
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect((await moduleOf('custom-code', 'custom-nix')).settings).toEqual({});
    await ui.screenshot(page, 'configurations-custom-nix-refused');

    await editor.fill('{ pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.htop ];\n}\n');
    await page.getByRole('button', { name: 'Save Nix code' }).click();
    await page.getByRole('button', { name: 'Clear Nix code' }).waitFor();
    expect(await page.getByTitle('Error on this line').count()).toBe(0);
    expect((await moduleOf('custom-code', 'custom-nix')).settings.code).toContain('pkgs.htop ];');
  });

  it('Download Replacement Image: the bar reaches 100% and the link downloads the image', async () => {
    await ui.stack.createConfig('replacement');
    const page = await detailPage('replacement');
    await page.getByRole('button', { name: 'Download Replacement Image' }).click();
    const build = page.getByRole('region', { name: 'Image build' });
    const link = build.getByRole('link', { name: /^Download thymis-image-replacement/ });
    await link.waitFor({ timeout: 90_000 });
    expect(await build.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await ui.screenshot(page, 'configurations-image-built');

    const taskId = /\/api\/tasks\/([^/]+)\/artifact$/.exec((await link.getAttribute('href'))!)![1];
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const downloaded = await readFile(await download.path());
    const stored = (await ui.stack.user.get(`/api/tasks/${taskId}/artifact`).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    expect(download.suggestedFilename()).toBe('thymis-image-replacement.img');
    expect(downloaded.length).toBeGreaterThan(0);
    expect(downloaded.equals(stored)).toBe(true);

    // The recent builds list it, linking to the task's page.
    await page.locator(`a[href="/tasks/${taskId}"]`).waitFor();
  }, 120_000);

  it('shows a configuration created in one browser in another without reload', async () => {
    // Logged in straight onto the list: its live feed is then the page's only socket.
    const watcher = await (await ui.context()).newPage();
    const subscribed = new Promise<void>((resolve) =>
      watcher.on('websocket', (socket) =>
        socket.on('framereceived', ({ payload }) => String(payload).includes('"subscribed"') && resolve()),
      ),
    );
    await watcher.goto('/configurations');
    await ui.logIn(watcher);
    await watcher.waitForURL('**/configurations');
    await subscribed;
    await watcher.evaluate(() => ((globalThis as Record<string, unknown>).stillTheSamePage = true));

    const creator = await ui.loggedIn();
    await creator.goto('/configurations');
    await creator.getByRole('button', { name: 'Create New Device' }).click();
    const dialog = creator.getByRole('dialog', { name: 'Create New Device' });
    await dialog.getByLabel('Name', { exact: true }).fill('Seen Live');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await creator.waitForURL('**/configurations/seen-live');

    await watcher.getByRole('link', { name: 'Seen Live' }).waitFor();
    expect(await watcher.evaluate(() => (globalThis as Record<string, unknown>).stillTheSamePage)).toBe(true);
    await ui.screenshot(watcher, 'configurations-seen-live');
  });

  it('saves Core Device Configuration; a change made meanwhile elsewhere is a 412 to reload; deletes on confirmation', async () => {
    await ui.stack.createConfig('core-edit');
    const page = await detailPage('core-edit');
    await page.getByLabel('Name', { exact: true }).fill('Core Edit Renamed');
    await page.getByLabel('Hardware model').selectOption({ label: 'Generic AArch64' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Core Edit Renamed', level: 1 }).waitFor();
    expect(await config('core-edit')).toMatchObject({
      displayName: 'Core Edit Renamed',
      hardwareModel: 'generic-aarch64',
      imageFormat: 'raw-efi',
    });

    await page.getByLabel('Name', { exact: true }).fill('Mine');
    await ui.stack.user.patch('/api/configs/core-edit').send({ displayName: 'Theirs' }).expect(200);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Someone changed this configuration meanwhile' });
    await alert.waitFor();
    await ui.screenshot(page, 'configurations-stale');
    expect((await config('core-edit')).displayName).toBe('Theirs');
    await alert.getByRole('button', { name: 'Reload' }).click();
    await until(
      () => page.getByLabel('Name', { exact: true }).inputValue(),
      (value) => value === 'Theirs',
    );

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Theirs?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/configurations$/);
    await ui.stack.user.get('/api/configs/core-edit').expect(404);
  });

  it('fits a narrow screen: the list becomes cards, the detail page stacks, nothing scrolls sideways', async () => {
    await ui.stack.createConfig('narrow-one', [{ type: 'kiosk', settings: { url: 'https://example.org' } }]);
    const page = await detailPage('narrow-one', { width: 390, height: 844 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await ui.screenshot(page, 'configurations-detail-narrow');

    await page.goto('/configurations');
    await page.getByRole('link', { name: 'narrow-one' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await ui.screenshot(page, 'configurations-list-narrow');

    await page.getByRole('button', { name: 'Create New Device' }).click();
    await page.getByRole('dialog', { name: 'Create New Device' }).waitFor();
    await ui.screenshot(page, 'configurations-create-narrow');
  });
});
