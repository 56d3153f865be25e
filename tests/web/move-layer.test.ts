import { describe, expect, it } from 'vitest';
import { NO_MOVE, shift, sourceOf, zoomAbout } from '../../web/src/move-layer.js';

const apply = (m: { s: number; tx: number; ty: number }, p: { x: number; y: number }) => ({
  x: m.s * p.x + m.tx,
  y: m.s * p.y + m.ty,
});

describe('the pan/zoom transform of the big view', () => {
  it('keeps the zoom centre in place, shifts by the pan, and finds where a screen point came from', () => {
    const z = zoomAbout(NO_MOVE, 2, 100, 50);
    expect(apply(z, { x: 100, y: 50 })).toEqual({ x: 100, y: 50 });
    expect(apply(z, { x: 110, y: 50 })).toEqual({ x: 120, y: 50 });
    const m = zoomAbout(shift(z, 30, -20), 0.5, 400, 300);
    // Composed in order: zoom, pan, zoom — the same as applying each to a point in turn.
    const p = { x: 7, y: 11 };
    const step = apply({ s: 0.5, tx: 200, ty: 150 }, apply({ s: 1, tx: 30, ty: -20 }, apply(z, p)));
    expect(apply(m, p).x).toBeCloseTo(step.x, 9);
    expect(apply(m, p).y).toBeCloseTo(step.y, 9);
    const back = sourceOf(m, apply(m, p).x, apply(m, p).y);
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
  });
});
