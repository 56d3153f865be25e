import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels } from '../../web/src/label-placement.js';

const view = { x1: 0, y1: 0, x2: 200, y2: 100 };
const box = (x: number, y: number, w = 40, h = 12) => ({ x1: x, y1: y, x2: x + w, y2: y + h });

describe('label placement', () => {
  it('keeps labels in priority order, dropping one that would touch a label already kept', () => {
    const kept = placeLabels(
      [
        { id: 'a', box: box(10, 10) },
        { id: 'b', box: box(30, 15) },
        { id: 'c', box: box(100, 10) },
      ],
      view,
    );
    expect([...kept]).toEqual(['a', 'c']);
  });

  it('drops labels that would leave the view or cover another node, unless pinned', () => {
    const node = { id: 'n', box: box(120, 50, 10, 10) };
    const kept = placeLabels(
      [
        { id: 'out', box: box(180, 10) },
        { id: 'covers', box: box(100, 52) },
        { id: 'n', box: box(110, 62) },
        { id: 'pinned', box: box(100, 30), pinned: true },
      ],
      view,
      [node, { id: 'pinned', box: box(100, 20, 10, 10) }, { id: 'x', box: box(105, 32, 5, 5) }],
    );
    expect([...kept].sort()).toEqual(['n', 'pinned']);
  });

  it('treats boxes that only touch as not overlapping', () => {
    expect(overlaps(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(false);
    expect(overlaps(box(0, 0, 10, 10), box(9, 9, 10, 10))).toBe(true);
  });
});
