// Module swaps of the widget builds: "wherever module X ends up in the bundle, use module Y".
// Keyed by what the import resolves to (an absolute path), never by how it is spelled: `./a.js`,
// `../map/a.js` and `./a` are the same module, so moving or re-spelling an import cannot turn a
// swap off. Every declared swap must take effect in the build: one that matched nothing fails the
// build (it usually means the module was renamed, moved or no longer imported).
import { isAbsolute, relative } from 'node:path';
import type { Plugin } from 'vite';

export interface ModuleSwap {
  /** The module replaced: an absolute file path, or a bare package name (resolved as the bundler would). */
  replace: string;
  /** Absolute path of the module used instead. */
  with: string;
  /** Why; shown when the swap matched nothing. */
  why?: string;
}

/** One plugin instance per build: it records which swaps matched. */
export function moduleSwaps(name: string, swaps: readonly ModuleSwap[], root = process.cwd()): Plugin {
  const show = (p: string) => (isAbsolute(p) ? relative(root, p) : p).replaceAll('\\', '/');
  /** Resolved id of the replaced module -> swap. */
  const byId = new Map<string, ModuleSwap>();
  const hits = new Set<ModuleSwap>();
  for (const s of swaps) {
    if (!isAbsolute(s.with)) throw new Error(`${name}: swap for ${s.replace}: "with" must be an absolute path (got ${s.with})`);
  }
  return {
    name: `bp-module-swaps:${name}`,
    enforce: 'pre',
    async buildStart() {
      byId.clear();
      hits.clear();
      for (const s of swaps) {
        // Packages resolve from the project root; absolute paths resolve to themselves (or fail if missing).
        const r = await this.resolve(s.replace, `${root}/package.json`, { skipSelf: true });
        if (!r || r.external) this.error(`${name}: swap target ${show(s.replace)} does not resolve to a module${s.why ? ` (${s.why})` : ''}`);
        if (byId.has(r.id)) this.error(`${name}: ${show(s.replace)} is swapped twice`);
        byId.set(r.id, s);
      }
    },
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith('\0')) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!r) return null;
      const swap = r.external ? undefined : byId.get(r.id);
      if (!swap) return r; // resolved once: the rest of the chain does not run again
      hits.add(swap);
      return swap.with;
    },
    buildEnd(error) {
      if (error) return;
      const missed = swaps.filter((s) => !hits.has(s));
      if (missed.length) {
        this.error(`${name}: ${missed.length} module swap(s) matched no import, so the build would silently ship the original:\n` +
          missed.map((s) => `  ${show(s.replace)} -> ${show(s.with)}${s.why ? ` (${s.why})` : ''}`).join('\n') +
          '\nThe replaced module was renamed, moved or is no longer imported: update the swap in scripts/build-widget.ts.');
      }
    },
  };
}
