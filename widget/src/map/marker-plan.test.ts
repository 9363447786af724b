import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../model/index.js';
import { MARKER_CAP, markerKey, planMarkers } from './marker-plan.js';

const point = (id: string, lat = 55, lng = 37): FeedItem => ({ kind: 'point', id, carrier: 'russian-post', type: 'post_office', status: 'open', lat, lng });
const cluster = (id: string, count: number): FeedItem => ({ kind: 'cluster', id, lat: 55, lng: 37, count, expansionZoom: 12 });
const centre = { lat: 55, lng: 37 };

describe('planMarkers', () => {
  it('adds everything on the first call', () => {
    const plan = planMarkers([], [point('a'), point('b'), cluster('c1', 5)], centre);
    expect(plan.add.map(markerKey).sort()).toEqual(['c:c1:5', 'p:a', 'p:b']);
    expect(plan.keep).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it('reuses markers that stay, removes those that left and adds only the new ones', () => {
    const plan = planMarkers(['p:a', 'p:b', 'c:c1:5'], [point('b'), point('d'), cluster('c1', 5)], centre);
    expect(plan.keep.sort()).toEqual(['c:c1:5', 'p:b']);
    expect(plan.remove).toEqual(['p:a']);
    expect(plan.add.map(markerKey)).toEqual(['p:d']);
  });

  it('treats a cluster whose count changed as a new marker (its badge differs)', () => {
    const plan = planMarkers(['c:c1:5'], [cluster('c1', 7)], centre);
    expect(plan.remove).toEqual(['c:c1:5']);
    expect(plan.add.map(markerKey)).toEqual(['c:c1:7']);
  });

  it('collapses duplicates across tiles', () => {
    const plan = planMarkers([], [point('a'), point('a'), point('b')], centre);
    expect(plan.add).toHaveLength(2);
  });

  it(`never keeps more than ${MARKER_CAP} markers, preferring the ones nearest the centre`, () => {
    const items = Array.from({ length: 1000 }, (_, i) => point(`p${i}`, 55 + i * 0.001, 37));
    const plan = planMarkers([], items, centre);
    expect(plan.add).toHaveLength(MARKER_CAP);
    const ids = new Set(plan.add.map((i) => i.id));
    expect(ids.has('p0')).toBe(true);
    expect(ids.has(`p${MARKER_CAP - 1}`)).toBe(true);
    expect(ids.has(`p${MARKER_CAP}`)).toBe(false);
    // Moving on: the markers kept plus those added still fit the cap.
    const next = planMarkers(plan.add.map(markerKey), items.slice(100), centre);
    expect(next.keep.length + next.add.length).toBe(MARKER_CAP);
    expect(next.remove).toHaveLength(100);
  });

  it('keeps the pinned (selected) point even when it is the farthest', () => {
    const items = [...Array.from({ length: 10 }, (_, i) => point(`n${i}`)), point('far', 60, 50)];
    const plan = planMarkers([], items, centre, 5, 'p:far');
    expect(plan.add.map((i) => i.id)).toContain('far');
    expect(plan.add).toHaveLength(5);
  });
});
