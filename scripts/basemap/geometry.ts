// Planar geometry helpers for the basemap generator (degrees treated as a plane: good
// enough for clipping to a rectangle and simplifying at ~5 km tolerance).

/** [lng, lat] */
export type Pt = [number, number];
export interface Rect { west: number; south: number; east: number; north: number }

type Edge = { inside: (p: Pt) => boolean; cut: (a: Pt, b: Pt) => Pt };

function edges(r: Rect): Edge[] {
  const atX = (x: number) => (a: Pt, b: Pt): Pt => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY = (y: number) => (a: Pt, b: Pt): Pt => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  return [
    { inside: (p) => p[0] >= r.west, cut: atX(r.west) },
    { inside: (p) => p[0] <= r.east, cut: atX(r.east) },
    { inside: (p) => p[1] >= r.south, cut: atY(r.south) },
    { inside: (p) => p[1] <= r.north, cut: atY(r.north) },
  ];
}

/** Sutherland-Hodgman: clip a closed ring to the rectangle (result stays closed). */
export function clipRing(ring: readonly Pt[], r: Rect): Pt[] {
  let out: Pt[] = ring.slice(0, ring.length - 1);
  for (const e of edges(r)) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (e.inside(cur)) {
        if (!e.inside(prev)) out.push(e.cut(prev, cur));
        out.push(cur);
      } else if (e.inside(prev)) out.push(e.cut(prev, cur));
    }
    if (!out.length) return [];
  }
  return [...out, out[0]!];
}

/** Clip a polyline to the rectangle: the parts inside, each as its own line. */
export function clipLine(line: readonly Pt[], r: Rect): Pt[][] {
  const inside = (p: Pt) => p[0] >= r.west && p[0] <= r.east && p[1] >= r.south && p[1] <= r.north;
  const parts: Pt[][] = [];
  let cur: Pt[] = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    const prev = line[i - 1];
    if (inside(p)) {
      if (!cur.length && prev) {
        const seg = clipSegment(prev, p, r);
        if (seg) cur.push(seg[0]);
      }
      cur.push(p);
    } else {
      if (cur.length && prev) {
        const seg = clipSegment(prev, p, r);
        if (seg) cur.push(seg[1]);
        parts.push(cur);
        cur = [];
      } else if (prev) {
        // Both outside: the segment may still cross the rectangle.
        const seg = clipSegment(prev, p, r);
        if (seg) parts.push([seg[0], seg[1]]);
      }
    }
  }
  if (cur.length > 1) parts.push(cur);
  return parts.filter((l) => l.length > 1);
}

/** Liang-Barsky segment clipping. */
function clipSegment(a: Pt, b: Pt, r: Rect): [Pt, Pt] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const checks: [number, number][] = [[-dx, a[0] - r.west], [dx, r.east - a[0]], [-dy, a[1] - r.south], [dy, r.north - a[1]]];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const t = q / p;
      if (p < 0) { if (t > t1) return null; if (t > t0) t0 = t; }
      else { if (t < t0) return null; if (t < t1) t1 = t; }
    }
  }
  return [[a[0] + t0 * dx, a[1] + t0 * dy], [a[0] + t1 * dx, a[1] + t1 * dy]];
}

/** Douglas-Peucker simplification with a tolerance in degrees (iterative: rings can be long). */
export function simplify(points: readonly Pt[], tolerance: number): Pt[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let maxD = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segDist2(points[i]!, points[first]!, points[last]!);
      if (d > maxD) { maxD = d; index = i; }
    }
    if (index >= 0 && maxD > tol2) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function segDist2(p: Pt, a: Pt, b: Pt): number {
  let x = a[0];
  let y = a[1];
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) { x = b[0]; y = b[1]; } else if (t > 0) { x += dx * t; y += dy * t; }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}
