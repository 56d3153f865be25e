import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createLogger } from '../../src/server/logger.js';
import { createApp } from '../../src/server/yoga.js';
import { type SeededApp, seededApp, TEST_KEY } from './app.js';
import { launchChromium } from './browser.js';
import { serve } from './http.js';

/** Where browser tests leave their screenshots. */
export const OUT = 'test-output';

export interface ExplorerHarness {
  s: SeededApp;
  url: string;
  browser: Browser;
  /** Opens a page of the explorer and waits for its first drawing. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** The seed graph in a real Neo4j, the real app on a loopback port (writes with TEST_KEY), and Chromium. */
export async function explorerHarness(): Promise<ExplorerHarness> {
  const s = await seededApp();
  const http = await serve(createApp({ db: s.db, apiKeys: [TEST_KEY], logger: createLogger('silent') }));
  const browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
  return {
    s,
    url: http.url,
    browser,
    async open(path, viewport = { width: 1400, height: 900 }) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${http.url}${path}`);
      await page.waitForSelector('body[data-rendered="true"]', { timeout: 60_000 });
      return page;
    },
    async close() {
      await browser.close();
      await http.close();
      await s.db.close();
    },
  };
}
