import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExplorerHarness, explorerHarness, OUT } from '../helpers/explorer.js';
import { post } from '../helpers/http.js';

const PAPER = 'paper:a-simple-convergence-proof-of-adam-and-adagrad';
let h: ExplorerHarness;

beforeAll(async () => {
  h = await explorerHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

interface Drawn {
  id: string;
  width: number;
  color: string;
  origin: boolean;
}

/** Relative luminance-ish brightness of a #rrggbb colour: the year scale runs light (old) to dark (new). */
const brightness = (hex: string) =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).reduce((a, b) => a + b, 0);

describe('the similarity map in Chromium', () => {
  it('draws a paper and its related papers, sized by links, coloured by year, listed in relatedGraph order with reasons', async () => {
    const answer = await post(
      h.url,
      `query ($id: ID!) {
        relatedGraph(paperId: $id, size: 30) { nodes { id year citedBy } edges { source target } }
        relatedWork(paperId: $id, first: 30) { reasons paper { id } } }`,
      { id: PAPER },
    );
    const graph = answer.body.data?.relatedGraph as {
      nodes: Array<{ id: string; year: number | null; citedBy: number }>;
      edges: Array<{ source: string; target: string }>;
    };
    const reasons = answer.body.data?.relatedWork as Array<{ reasons: string[]; paper: { id: string } }>;
    expect(graph.nodes[0]?.id).toBe(PAPER);
    expect(graph.nodes.length).toBeGreaterThan(5);

    const page = await h.open(`/?map=${encodeURIComponent(PAPER)}`);
    await page.waitForSelector('#map-list li');
    // The list beside the map: relatedGraph's order, each row with its reasons.
    const rows = await page.locator('#map-list li').evaluateAll((lis) =>
      lis.map((li) => ({
        id: (li as HTMLElement).dataset.node,
        reasons: li.querySelector('.map-reasons')?.textContent ?? '',
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(graph.nodes.slice(1).map((n) => n.id));
    for (const r of rows) {
      const first = reasons.find((x) => x.paper.id === r.id)?.reasons[0];
      expect(first).toBeTruthy();
      expect(r.reasons).toContain(first);
    }
    expect(page.url()).toContain(`map=${encodeURIComponent(PAPER)}`);

    // The map: every paper drawn, the paper itself marked.
    const drawn: Drawn[] = await page.evaluate(() => {
      const map = (
        window as never as {
          __explorer: {
            map: {
              nodes(): Array<{
                id(): string;
                width(): number;
                data(k: string): string;
                hasClass(c: string): boolean;
              }>;
            };
          };
        }
      ).__explorer.map;
      return map.nodes().map((n) => ({
        id: n.id(),
        width: n.width(),
        color: n.data('color'),
        origin: n.hasClass('origin'),
      }));
    });
    const byId = new Map(drawn.map((d) => [d.id, d]));
    expect([...byId.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(drawn.filter((d) => d.origin).map((d) => d.id)).toEqual([PAPER]);

    // Size: in-graph citations, or links on the map when nothing is cited (the seed has no citations).
    const cited = graph.nodes.some((n) => n.citedBy > 0);
    const links = (id: string) => graph.edges.filter((e) => e.source === id || e.target === id).length;
    const measure = (n: { id: string; citedBy: number }) => (cited ? n.citedBy : links(n.id));
    expect(new Set(graph.nodes.map(measure)).size).toBeGreaterThan(1);
    for (const a of graph.nodes) {
      for (const b of graph.nodes) {
        const wa = byId.get(a.id)?.width ?? 0;
        const wb = byId.get(b.id)?.width ?? 0;
        if (measure(a) > measure(b)) expect(wa).toBeGreaterThan(wb);
        if (measure(a) === measure(b)) expect(wa).toBeCloseTo(wb, 5);
      }
    }
    // Colour: one colour a year, older lighter than newer; the legend gives the range.
    const dated = graph.nodes.filter((n) => n.year !== null) as Array<{ id: string; year: number }>;
    expect(new Set(dated.map((n) => n.year)).size).toBeGreaterThan(1);
    for (const a of dated) {
      for (const b of dated) {
        const ca = byId.get(a.id)?.color as string;
        const cb = byId.get(b.id)?.color as string;
        if (a.year === b.year) expect(ca).toBe(cb);
        if (a.year < b.year) expect(brightness(ca)).toBeGreaterThan(brightness(cb));
      }
    }
    const years = dated.map((n) => n.year);
    expect(await page.locator('#map-legend').textContent()).toContain(`${Math.min(...years)}`);
    expect(await page.locator('#map-legend').textContent()).toContain(`${Math.max(...years)}`);

    // Hover in the list marks the node; hover on the node marks the row.
    const second = rows[1]?.id as string;
    await page.hover(`#map-list li[data-node="${second}"] .map-facts`);
    expect(
      await page.evaluate(
        (id) =>
          (
            window as never as {
              __explorer: { map: { getElementById(i: string): { hasClass(c: string): boolean } } };
            }
          ).__explorer.map
            .getElementById(id)
            .hasClass('hover'),
        second,
      ),
    ).toBe(true);
    const third = rows[2]?.id as string;
    const at = await page.evaluate((id) => {
      const ex = (
        window as never as {
          __explorer: {
            map: {
              getElementById(i: string): { renderedPosition(): { x: number; y: number } };
              container(): HTMLElement;
            };
          };
        }
      ).__explorer;
      const p = ex.map.getElementById(id).renderedPosition();
      const r = ex.map.container().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, third);
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector(`#map-list li.hover[data-node="${third}"]`, { timeout: 5_000 });
    await page.mouse.move(5, 5);
    await page.screenshot({ path: `${OUT}/similarity-map.png` });
    await page.close();
  }, 90_000);

  it('opens from the details panel by keyboard and goes back to the graph', async () => {
    const page = await h.open(`/?focus=${encodeURIComponent(PAPER)}`);
    await page.waitForSelector('#map-btn');
    await page.focus('#map-btn');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#map-list li');
    expect(await page.isVisible('#map-area')).toBe(true);
    await page.focus('#map-close');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#map-area')).toBe(false);
    expect(page.url()).not.toContain('map=');
    await page.close();
  }, 90_000);
});
