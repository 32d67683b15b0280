import type { Locator, Page } from 'playwright-core';
import { until } from '../build-stack';
import type { DashboardStack } from './dashboard-stack';

/** What an input's aria-describedby names: its description, or the error shown beside it. */
async function description(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ').trim();
}

/** Waits for the error beside the input (the element its aria-describedby names) to say `expected`. */
export const errorBeside = (input: Locator, expected: RegExp) =>
  until(
    () => description(input),
    (text) => expected.test(text),
  );

/** The page's own width: more than the screen means it scrolls sideways. */
export const pageWidth = (page: Page) => page.locator('html').evaluate((html) => html.scrollWidth);

/** A configuration's or a tag's page (`path`), logged in, once its module editor is ready. */
export async function moduleOwnerPage(
  ui: DashboardStack,
  path: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await ui.loggedIn(viewport);
  await page.goto(path);
  await page.getByRole('button', { name: 'Add module' }).waitFor();
  return page;
}
