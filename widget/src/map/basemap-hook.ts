// How the script-tag file meets its on-demand basemap file (branch-picker.basemap.js): one global
// callback per widget version, so two versions on one page never pick up each other's data.
import type { BasemapGeometry } from './basemap-decode.js';
import { VERSION } from '../version.js';

export const BASEMAP_HOOK = `__branchPicker_v${VERSION}_basemap`;

export type BasemapHook = (geometry: BasemapGeometry) => void;

export function basemapHook(): BasemapHook | undefined {
  return (globalThis as unknown as Record<string, BasemapHook | undefined>)[BASEMAP_HOOK];
}
