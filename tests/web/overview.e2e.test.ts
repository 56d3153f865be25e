import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExplorerHarness, explorerHarness, OUT } from '../helpers/explorer.js';

let h: ExplorerHarness;

beforeAll(async () => {
  h = await explorerHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What Cytoscape itself computes for the drawing: each shown label's box and each visible node's box, in canvas pixels. */
function rendered(page: Page) {
  return page.evaluate(() => {
    type Bb = { x1: number; y1: number; x2: number; y2: number };
    const cy = (
      window as never as {
        __explorer: {
          cy: {
            width(): number;
            height(): number;
            nodes(sel?: string): Array<{
              id(): string;
              style(k: string): string;
              renderedBoundingBox(o: Record<string, boolean>): Bb;
            }>;
          };
        };
      }
    ).__explorer.cy;
    const box = (
      n: { id(): string; renderedBoundingBox(o: Record<string, boolean>): Bb },
      labels: boolean,
    ) => {
      const b = n.renderedBoundingBox({
        includeNodes: !labels,
        includeEdges: false,
        includeLabels: labels,
        includeOverlays: false,
        includeUnderlays: false,
      });
      return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    };
    return {
      width: cy.width(),
      height: cy.height(),
      labels: cy
        .nodes(':visible')
        .filter((n) => n.style('label') !== '')
        .map((n) => box(n, true)),
      nodes: cy.nodes(':visible').map((n) => box(n, false)),
    };
  });
}

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function overlappingPairs(labels: Box[]): string[] {
  const out: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (overlap(a, b)) out.push(`${a.id} × ${b.id}`);
  });
  return out;
}

const outside = (r: { width: number; height: number; nodes: Box[] }) =>
  r.nodes.filter((n) => n.x1 < 0 || n.y1 < 0 || n.x2 > r.width || n.y2 > r.height).map((n) => n.id);

describe('the overview in Chromium', () => {
  it('fits the seed graph in the canvas, with sections as groups and no two labels overlapping', async () => {
    const page = await h.open('/');
    await page.waitForTimeout(300);
    const r = await rendered(page);
    expect(r.nodes.length).toBeGreaterThan(50);
    expect(outside(r)).toEqual([]);
    expect(r.labels.length).toBeGreaterThanOrEqual(8);
    expect(overlappingPairs(r.labels)).toEqual([]);
    // Sections holding papers are drawn as groups around them.
    const groups = await page.evaluate(
      () =>
        (
          window as never as { __explorer: { cy: { nodes(s: string): { length: number } } } }
        ).__explorer.cy.nodes(':parent').length,
    );
    expect(groups).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${OUT}/overview.png` });

    // Zoomed in, more labels fit, and still none overlaps.
    // The count of placements is read in the same task as the zoom: a run queued before cannot pass for it.
    const before = await page.evaluate(() => {
      const cy = (
        window as never as {
          __explorer: {
            cy: {
              zoom(o: { level: number; renderedPosition: { x: number; y: number } }): void;
              zoom(): number;
              width(): number;
              height(): number;
              scratch(k: string): number | undefined;
            };
          };
        }
      ).__explorer.cy;
      cy.zoom({ level: cy.zoom() * 2.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      return cy.scratch('labelRuns') ?? 0;
    });
    // Placement runs once the viewport stops moving: wait for that run, not for a fixed time.
    await page.waitForFunction(
      (n) =>
        ((
          window as never as { __explorer: { cy: { scratch(k: string): number | undefined } } }
        ).__explorer.cy.scratch('labelRuns') ?? 0) > n,
      before,
      { timeout: 10_000 },
    );
    const zoomed = await rendered(page);
    expect(overlappingPairs(zoomed.labels)).toEqual([]);
    const inView = zoomed.labels.filter(
      (l) => l.x1 >= 0 && l.x2 <= zoomed.width && l.y1 >= 0 && l.y2 <= zoomed.height,
    );
    expect(inView.length).toBe(zoomed.labels.length);
    await page.close();
  }, 90_000);

  it('fits a focused node and its neighbours in the canvas, its label shown, no labels overlapping', async () => {
    const page = await h.open('/?focus=author%3Aphilipp-hennig');
    await page.waitForSelector('#panel-coauthors li');
    await page.waitForTimeout(300);
    const r = await rendered(page);
    const near = new Set(
      await page.evaluate(() =>
        (
          window as never as {
            __explorer: {
              cy: { getElementById(i: string): { closedNeighborhood(s: string): Array<{ id(): string }> } };
            };
          }
        ).__explorer.cy
          .getElementById('author:philipp-hennig')
          .closedNeighborhood('node:visible')
          .map((n) => n.id()),
      ),
    );
    expect(near.size).toBeGreaterThanOrEqual(3);
    expect(outside({ ...r, nodes: r.nodes.filter((n) => near.has(n.id)) })).toEqual([]);
    expect(r.labels.map((l) => l.id)).toContain('author:philipp-hennig');
    expect(overlappingPairs(r.labels)).toEqual([]);
    await page.close();
  }, 90_000);
});
