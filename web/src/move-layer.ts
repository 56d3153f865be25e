import type Sigma from 'sigma';

/** How long the view must be still before the moved picture is redrawn for real. */
export const SETTLE_MS = 150;

/** A screen transform p ↦ s·p + (tx, ty), in CSS pixels of the container. */
export interface Move {
  s: number;
  tx: number;
  ty: number;
}

export const NO_MOVE: Move = { s: 1, tx: 0, ty: 0 };

/** `m`, then a zoom by `f` about the screen point (cx, cy). */
export function zoomAbout(m: Move, f: number, cx: number, cy: number): Move {
  return { s: m.s * f, tx: f * (m.tx - cx) + cx, ty: f * (m.ty - cy) + cy };
}

/** `m`, then a shift of the picture by (dx, dy) pixels. */
export function shift(m: Move, dx: number, dy: number): Move {
  return { s: m.s, tx: m.tx + dx, ty: m.ty + dy };
}

/** The screen point (in the picture as last drawn) that `m` brings to (x, y). */
export function sourceOf(m: Move, x: number, y: number): { x: number; y: number } {
  return { x: (x - m.tx) / m.s, y: (y - m.ty) / m.s };
}

/**
 * Sets the camera of a sigma whose own pan and zoom are switched off: its camera then ignores
 * x, y and ratio unless they are allowed for the call.
 */
export function setCamera(sigma: Sigma, state: { x?: number; y?: number; ratio?: number }): void {
  const c = sigma.getCamera();
  const [panning, zooming] = [c.enabledPanning, c.enabledZooming];
  c.enabledPanning = true;
  c.enabledZooming = true;
  c.setState(state);
  c.enabledPanning = panning;
  c.enabledZooming = zooming;
}

/**
 * Pan and zoom of a big WebGL view as a CSS transform of the picture already drawn, redrawn for
 * real once the view has been still for SETTLE_MS. Without a GPU (headless Chromium, SwiftShader)
 * one sigma frame of 20,000 nodes and 60,000 edges takes seconds; a transformed layer is
 * composited in milliseconds, so the view follows the hand and pays for one drawing at the end.
 * Map viewers do the same with their tiles. Sigma's own camera handlers are switched off
 * (`enableCameraPanning/Zooming: false`); this class takes the wheel and the drag instead.
 */
export class MoveLayer {
  private move: Move = NO_MOVE;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private drag: { x: number; y: number; moved: boolean } | null = null;
  /** Redraws done after a move: ms from the camera change until the frame after it (the explorer's figures). */
  readonly settles: number[] = [];
  private readonly off: Array<() => void> = [];

  constructor(
    private readonly sigma: Sigma,
    private readonly container: HTMLElement,
  ) {
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
      opts?: AddEventListenerOptions,
    ) => {
      container.addEventListener(type, fn, opts);
      this.off.push(() => container.removeEventListener(type, fn, opts));
    };
    on(
      'wheel',
      (e) => {
        e.preventDefault();
        const r = container.getBoundingClientRect();
        // Sigma's wheel step: about 1.7× per notch, smooth for touchpads' small deltas.
        this.zoom(Math.exp(-e.deltaY / 600), e.clientX - r.left, e.clientY - r.top);
      },
      { passive: false },
    );
    on('pointerdown', (e) => {
      if (e.button === 0) this.drag = { x: e.clientX, y: e.clientY, moved: false };
    });
    on('pointermove', (e) => {
      const d = this.drag;
      if (!d) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      // A click that wobbles a pixel or two is still a click (sigma's clickNode).
      if (!d.moved && Math.hypot(dx, dy) < 4) return;
      d.moved = true;
      this.drag = { x: e.clientX, y: e.clientY, moved: true };
      this.pan(dx, dy);
    });
    const end = () => {
      this.drag = null;
    };
    on('pointerup', end);
    on('pointerleave', end);
  }

  /** Zooms by `f` about a point of the container (its centre by default). */
  zoom(f: number, cx = this.container.clientWidth / 2, cy = this.container.clientHeight / 2): void {
    this.apply(zoomAbout(this.move, f, cx, cy));
  }

  /** Moves the picture by (dx, dy) pixels. */
  pan(dx: number, dy: number): void {
    this.apply(shift(this.move, dx, dy));
  }

  private drawing = false;

  /** True while a move waits for its redraw or the redraw is not on screen yet. */
  get moving(): boolean {
    return this.timer !== undefined || this.drawing;
  }

  private apply(m: Move): void {
    this.move = m;
    const css = `translate(${m.tx}px, ${m.ty}px) scale(${m.s})`;
    for (const c of this.pictures()) {
      c.style.transformOrigin = '0 0';
      c.style.transform = css;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  /** Turns the transform into the camera state that draws the same picture, and draws it. */
  settle(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const m = this.move;
    if (m === NO_MOVE) return;
    this.move = NO_MOVE;
    const w = this.container.clientWidth;
    const h = this.container.clientHeight;
    // The point now at the centre of the screen was, in the picture as drawn, at `centre`.
    const centre = sourceOf(m, w / 2, h / 2);
    const camera = this.sigma.getCamera();
    const at = this.sigma.viewportToFramedGraph(centre);
    const t0 = performance.now();
    this.drawing = true;
    // Sigma returns once the drawing is handed to WebGL; the frame is on screen when the browser
    // gets round to the next frames (with software WebGL, seconds later): that is the time kept.
    this.sigma.once('afterRender', () =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          this.drawing = false;
          this.settles.push(performance.now() - t0);
        }),
      ),
    );
    // setState draws in the next animation frame, before that frame is painted: the picture with
    // its transform removed is never on screen.
    setCamera(this.sigma, { x: at.x, y: at.y, ratio: camera.ratio / m.s });
    for (const c of this.pictures()) c.style.transform = '';
  }

  /** The drawn layers; not sigma's transparent mouse layer, which must stay where the pointer is. */
  private pictures(): HTMLCanvasElement[] {
    return Object.entries(this.sigma.getCanvases())
      .filter(([k]) => k !== 'mouse')
      .map(([, c]) => c);
  }

  kill(): void {
    clearTimeout(this.timer);
    for (const f of this.off) f();
  }
}
