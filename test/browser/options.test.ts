import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { readSettings } from '../support/extension-state';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

const storedSettings = () => readSettings(browser);

describe('the options page', () => {
  it('saves the signature entered once, through its stable hooks', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.fill('[name="signature.name"]', 'Maria Ek');
    await page.fill('[name="signature.title"]', 'kommunikatör');
    await page.fill('[name="signature.unit"]', 'Kommunikationsenheten');
    await page.click('[data-action="save-options"]');
    await expect
      .poll(async () => (await page.locator('[role="status"]').textContent()) ?? '')
      .toBe('Sparat.');
    expect((await storedSettings()).signature).toEqual({
      name: 'Maria Ek',
      title: 'kommunikatör',
      unit: 'Kommunikationsenheten',
    });
    await page.close();
  });

  it('reports an unknown placeholder and saves nothing while it is there', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const before = JSON.stringify(await storedSettings());
    await page.fill('[name="templates.0.text"]', 'Tack {namm}!');
    expect(await page.locator('fieldset.template [role="alert"]').first().textContent()).toContain('{namm}');
    await page.click('[data-action="save-options"]');
    await expect
      .poll(async () => (await page.locator('[role="status"]').textContent()) ?? '')
      .toContain('{namm}');
    expect(JSON.stringify(await storedSettings())).toBe(before);
    await page.close();
  });
});
