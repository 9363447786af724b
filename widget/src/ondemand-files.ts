// Names of the files the script-tag build writes next to branch-picker.js and loads on demand.
// Declared once: scripts/build-widget.ts writes them under these names, the runtime loaders
// (quotes/layer-loader.dist.ts, map/basemap-loader.dist.ts, points/cluster-worker-factory.dist.ts)
// fetch them by these names, and scripts/size.ts measures them. Embedders serve them as they are,
// so a rename is a breaking change.

/** The script-tag file itself (IIFE): what every embed loads. */
export const MAIN_FILE = 'branch-picker.js';
/** The tariff layer, injected by the main file only when a parcel is set. */
export const QUOTES_FILE = 'branch-picker.quotes.js';
/** The built-in fallback basemap, injected only when tiles fail or tile-url="none". */
export const BASEMAP_FILE = 'branch-picker.basemap.js';
/** The cluster worker of feed="nova-poshta" (also used by the npm ESM build, one folder up from esm/). */
export const WORKER_FILE = 'branch-picker.worker.js';
/** The buyer's order step (<bp-order-step>), injected only when the order step is enabled. */
export const ORDER_FILE = 'branch-picker.order.js';
/** <bp-tracking> for tracking pages: a standalone script tag of its own (Lit and zod inside), never loaded by the main file. */
export const TRACKING_FILE = 'bp-tracking.js';
