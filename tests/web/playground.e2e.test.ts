import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.js';
import { createApp } from '../../src/server/yoga.js';
import { type SeededApp, seededApp } from '../helpers/app.js';
import { launchChromium, staysLocal } from '../helpers/browser.js';
import { serve } from '../helpers/http.js';

const OUT = 'test-output';
let s: SeededApp;
let http: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  s = await seededApp();
  http = await serve(createApp({ db: s.db, logger: createLogger('silent') }));
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await s?.db.close();
});

/**
 * Opens a page with every request that would leave the machine aborted and recorded, and every
 * Content-Security-Policy violation recorded, so a CDN script or a remote favicon fails the test.
 */
async function openIsolated(path: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const left: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (staysLocal(url)) return route.continue();
    left.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    const w = window as never as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const response = await page.goto(`${http.url}${path}`);
  const violations = () => page.evaluate(() => (window as never as { __csp: string[] }).__csp);
  return { page, response, left, violations, close: () => context.close() };
}

async function runOperation(page: Page, name: string) {
  await page.click('.graphiql-execute-button');
  // With several operations in the editor, the run button asks which one.
  await page.getByRole('menuitem', { name }).click();
}

describe('the GraphQL playground in Chromium, with no network beyond this machine', () => {
  it('renders GraphiQL from the project itself, runs CoAuthors with the run button, and shows the result', async () => {
    const p = await openIsolated('/graphql');
    expect(p.response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await p.page.waitForSelector('.graphiql-container .monaco-editor', { timeout: 60_000 });
    await p.page.waitForFunction(() =>
      document.querySelector('.graphiql-query-editor')?.textContent?.includes('CoAuthors'),
    );
    await runOperation(p.page, 'CoAuthors');
    await p.page.waitForFunction(
      // Monaco draws spaces as no-break spaces.
      () =>
        document
          .querySelector('.result-window')
          ?.textContent?.replace(/\s+/g, ' ')
          .includes('Frank Schneider'),
      undefined,
      { timeout: 30_000 },
    );
    // The query builder (GraphiQL Explorer plugin) is one click away.
    await p.page.getByRole('button', { name: /Show GraphiQL Explorer/i }).click();
    await p.page.waitForSelector('.graphiql-explorer-root', { timeout: 15_000 });
    await p.page.screenshot({ path: `${OUT}/graphiql.png` });
    expect(p.left).toEqual([]);
    expect(await p.violations()).toEqual([]);
    await p.close();
  }, 120_000);

  it('serves the explorer at / under the same policy, with nothing leaving the machine', async () => {
    const p = await openIsolated('/');
    expect(p.response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await p.page.waitForSelector('body[data-rendered="true"]', { timeout: 60_000 });
    expect(p.left).toEqual([]);
    expect(await p.violations()).toEqual([]);
    await p.close();
  }, 90_000);
});
