import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEY } from '../helpers/app.js';
import { type ExplorerHarness, explorerHarness, OUT } from '../helpers/explorer.js';
import { post } from '../helpers/http.js';

let h: ExplorerHarness;

beforeAll(async () => {
  h = await explorerHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const BIB = `@inproceedings{dropped2024,
  title = {Dropped Gradients: A Paper Imported from the Browser},
  author = {Ada Dropper and Ben Browser},
  booktitle = {ICLR},
  year = {2024}
}
@article{dropped2023,
  title = {A Second Dropped Paper on Adaptive Steps},
  author = {Ada Dropper},
  journal = {JMLR},
  year = {2023}
}
`;

/** Drops a file on the page the way a browser does: a drop event whose DataTransfer holds the file. */
async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t as string], n as string, { type: 'text/plain' }));
      return dt;
    },
    [name, text],
  );
  await page.dispatchEvent('#stage', 'dragover', { dataTransfer });
  await page.dispatchEvent('#stage', 'drop', { dataTransfer });
}

const drawn = (page: Page, title: string) =>
  page.evaluate(
    (t) =>
      (
        window as never as { __explorer: { cy: { nodes(): Array<{ data(k: string): string }> } } }
      ).__explorer.cy
        .nodes()
        .some((n) => n.data('full') === t),
    title,
  );

describe('importing from the browser', () => {
  it('asks for the key, dry-runs a dropped .bib file, then imports it and draws the new papers', async () => {
    const page = await h.open('/');
    await dropFile(page, 'my-library.bib', BIB);
    await page.waitForSelector('#import-preview:has-text("Enter the API key")');

    await page.fill('#import-key', TEST_KEY);
    await page.dispatchEvent('#import-key', 'change');
    // Give the page's EventSource a moment to subscribe before the write.
    await page.waitForTimeout(300);
    await dropFile(page, 'my-library.bib', BIB);
    const dry = page.locator('#import-summary[data-dry-run="true"]');
    await dry.waitFor();
    expect(await dry.textContent()).toContain('would create 2 papers');
    // Nothing written by the dry run.
    const before = await post(h.url, '{ search(query: "Dropped Gradients") { node { id } } }');
    expect(before.body.data?.search).toEqual([]);
    expect(await drawn(page, 'Dropped Gradients: A Paper Imported from the Browser')).toBe(false);

    await page.click('#import-go');
    await page.waitForSelector('#import-summary[data-dry-run="false"]');
    expect(await page.locator('#import-summary').textContent()).toContain('created 2 papers');
    await page.waitForFunction(
      () =>
        (
          window as never as { __explorer: { cy: { nodes(): Array<{ data(k: string): string }> } } }
        ).__explorer.cy
          .nodes()
          .some((n) => n.data('full') === 'A Second Dropped Paper on Adaptive Steps'),
      undefined,
      { timeout: 15_000 },
    );
    expect(await drawn(page, 'Dropped Gradients: A Paper Imported from the Browser')).toBe(true);
    expect(await page.locator('#status').textContent()).toContain('Live update: list imported');
    // The key stays in this tab's session: not in localStorage, cookies or the URL.
    const kept = await page.evaluate(() => ({
      session: sessionStorage.getItem('paper-graph:api-key'),
      local: Object.keys(localStorage).length,
      cookie: document.cookie,
      url: location.href,
    }));
    expect(kept).toMatchObject({ session: TEST_KEY, local: 0, cookie: '' });
    expect(kept.url).not.toContain(TEST_KEY);
    await page.screenshot({ path: `${OUT}/import-drop.png` });
    await page.close();
  }, 90_000);

  it('shows the refusal of a wrong key and writes nothing', async () => {
    const page = await h.open('/');
    await page.fill('#import-key', 'not-the-key');
    await page.dispatchEvent('#import-key', 'change');
    await dropFile(page, 'other.bib', BIB.replaceAll('Dropped', 'Refused'));
    await page.waitForSelector('#import-preview .import-error');
    const after = await post(h.url, '{ search(query: "Refused Gradients") { node { id } } }');
    expect(after.body.data?.search).toEqual([]);
    await page.close();
  }, 60_000);
});
