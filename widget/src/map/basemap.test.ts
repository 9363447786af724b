// @vitest-environment jsdom
// The built-in basemap's tile drawing: what a tile draws, and what it skips.
import { describe, expect, it } from 'vitest';
import { basemapShapes, drawBasemapTile } from './basemap.js';
import type { BasemapGeometry } from './basemap-decode.js';

/** A 2D context that records path commands and paints. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    beginPath: () => calls.push('begin'),
    moveTo: (x: number, y: number) => calls.push(`M${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`L${x},${y}`),
    closePath: () => calls.push('Z'),
    fill: (rule: string) => calls.push(`fill:${rule}:${ctx.fillStyle}`),
    stroke: () => calls.push(`stroke:${ctx.strokeStyle}:${ctx.dash.join(' ')}`),
    setLineDash: (d: number[]) => (ctx.dash = d),
    fillStyle: '', strokeStyle: '', lineWidth: 0, dash: [] as number[],
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const geo: BasemapGeometry = {
  land: [[[[50, 30], [52, 30], [52, 34], [50, 34]], [[50.5, 31], [51, 31], [51, 32]]], [[[10, 10], [11, 10], [11, 11]]]],
  coast: [[[50, 30], [52, 30]]],
  borders: [[[51, 31], [51, 33]], [[-40, -60], [-41, -61]]],
};
// A plain projection: x = lng, y = -lat (enough to see what is drawn where).
const project = (lat: number, lng: number): [number, number] => [lng, -lat];

describe('drawBasemapTile', () => {
  it('fills land with holes (even-odd), then strokes coasts and dashed borders', () => {
    const { ctx, calls } = recorder();
    drawBasemapTile(ctx, basemapShapes(geo), project, [49, 29, 53, 35]);
    expect(calls.filter((c) => c.startsWith('fill') || c.startsWith('stroke'))).toEqual(['fill:evenodd:#f1efe8', 'stroke:#8fb3c9:', 'stroke:#b49db8:4 3']);
    // The outline and its hole are one path (so the hole stays empty), both closed.
    expect(calls.slice(0, 13)).toEqual(['begin', 'M30,-50', 'L30,-52', 'L34,-52', 'L34,-50', 'Z', 'M31,-50.5', 'L31,-51', 'L32,-51', 'Z', 'fill:evenodd:#f1efe8', 'begin', 'M30,-50']);
  });

  it('skips shapes outside the tile', () => {
    const { ctx, calls } = recorder();
    drawBasemapTile(ctx, basemapShapes(geo), project, [49, 29, 53, 35]);
    expect(calls).not.toContain('M10,-10'); // the far polygon
    expect(calls).not.toContain('M-60,40'); // the far border
    const far = recorder();
    drawBasemapTile(far.ctx, basemapShapes(geo), project, [9, 9, 12, 12]);
    expect(far.calls).toContain('M10,-10');
    expect(far.calls).not.toContain('M30,-50');
  });
});
