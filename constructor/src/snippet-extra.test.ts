// @vitest-environment jsdom
// The checkout, CSP, React and Vue snippets. React and Vue are not installed here: their text is
// checked with TypeScript's parser (TSX) and the HTML parser (the SFC template), not run.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { buildCheckoutSnippet, CHECKOUT_FIELDS } from './snippet-checkout.js';
import { buildCspHeader, cspDirectives, inlineScriptHash } from './snippet-csp.js';
import { buildReactSnippet, buildVueSnippet } from './snippet-frameworks.js';
import { buildSnippets } from './snippet.js';

const SRC = { scriptUrl: 'https://cdn.example/bp/branch-picker.js', integrity: 'sha384-abc', version: '0.1.0' };
const EVIL = `"><script>alert('x')</script>&{x}`;

/** Syntax errors of a TSX module (no type checking: react and the package are not installed). */
function tsxSyntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, {
    fileName: 'PickupPointPicker.tsx',
    reportDiagnostics: true,
    compilerOptions: { jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

function transpiledJsx(code: string): string {
  return ts.transpileModule(code, { fileName: 'x.tsx', compilerOptions: { jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

describe('checkout snippet', () => {
  const config: WidgetConfig = { layout: 'list', name: 'pickup_point', hideUnfit: true };
  const s = buildCheckoutSnippet(config, SRC, { defaultApiBase: 'https://api.example' });
  const doc = new DOMParser().parseFromString(s.html, 'text/html');

  it('puts a required element and every hidden field inside one form, with the SRI script tag', () => {
    const form = doc.querySelector('form#checkout');
    expect(form?.querySelector('branch-picker')?.hasAttribute('required')).toBe(true);
    expect(form?.querySelector('branch-picker')?.getAttribute('name')).toBe('pickup_point');
    const hidden = [...(form?.querySelectorAll('input[type=hidden]') ?? [])].map((i) => i.getAttribute('name'));
    expect(hidden).toEqual([...CHECKOUT_FIELDS]);
    expect(doc.querySelector('script[src]')?.getAttribute('integrity')).toBe('sha384-abc');
    expect(s.html).toContain('<!-- branch-picker 0.1.0:');
  });

  it('wires the module script to the form: config, bp-change and bp-order fill the fields by name', () => {
    // Running it is the e2e's job (e2e/snippets.spec.ts, real Chromium): here, what it refers to exists.
    const script = doc.querySelector('script[type=module]');
    expect(script?.textContent).toBe(s.inlineScript);
    expect(tsxSyntaxErrors(s.inlineScript)).toEqual([]);
    for (const name of CHECKOUT_FIELDS) expect(s.inlineScript).toContain(`set('${name}',`);
    expect(s.inlineScript).toContain("document.getElementById('checkout')");
    expect(s.inlineScript).toMatch(/picker\.config = \{ \.\.\.picker\.config, \.\.\.\{\s*"hideUnfit": true\s*\} \};/);
    expect(s.inlineScript).toMatch(/addEventListener\('bp-order'[\s\S]*orderId, trackNumber/);
  });

  it('keeps a hostile name inside its attribute', () => {
    const evil = buildCheckoutSnippet({ name: EVIL }, SRC);
    const d = new DOMParser().parseFromString(evil.html, 'text/html');
    expect(d.querySelector('branch-picker')?.getAttribute('name')).toBe(EVIL);
    expect(d.querySelectorAll('script')).toHaveLength(2);
  });
});

describe('CSP snippet', () => {
  it('allows the script origin, the api-base origin and the tile server, and nothing for styles', () => {
    const d = Object.fromEntries(cspDirectives({ config: { apiBase: 'https://api.shop.example/points' }, src: SRC }).map((x) => [x.name, x.sources]));
    expect(d['script-src']).toEqual(["'self'", 'https://cdn.example']);
    expect(d['connect-src']).toEqual(["'self'", 'https://api.shop.example']);
    expect(d['img-src']).toEqual(["'self'", 'https://tile.openstreetmap.org', 'data:']);
    expect(d['style-src']).toEqual(["'self'"]);
    expect(d['worker-src']).toBeUndefined();
  });

  it('uses the default api base, drops tiles for the built-in basemap, and wildcards {s} subdomains', () => {
    const none = Object.fromEntries(cspDirectives({ config: { tileUrl: 'none' }, src: SRC, opts: { defaultApiBase: 'http://127.0.0.1:5173' } }).map((x) => [x.name, x.sources]));
    expect(none['connect-src']).toEqual(["'self'", 'http://127.0.0.1:5173']);
    expect(none['img-src']).toEqual(["'self'"]);
    const sub = Object.fromEntries(cspDirectives({ config: { tileUrl: 'https://{s}.tiles.example/{z}/{x}/{y}.png' }, src: SRC }).map((x) => [x.name, x.sources]));
    expect(sub['img-src']).toEqual(["'self'", 'https://*.tiles.example', 'data:']);
  });

  it('adds worker-src with blob: only for the Nova Poshta whole-list source', () => {
    const d = Object.fromEntries(cspDirectives({ config: { feed: 'nova-poshta', npApiKey: 'k' }, src: SRC }).map((x) => [x.name, x.sources]));
    expect(d['worker-src']).toEqual(["'self'", 'https://cdn.example', 'blob:']);
    // From a CDN the worker file is fetched (and checked against its SRI hash) before it starts.
    expect(d['connect-src']).toEqual(["'self'", 'https://cdn.example']);
  });

  it('lists the hashes of the inline snippets, computed over their exact text', async () => {
    const snippets = buildSnippets({}, SRC);
    const hash = await inlineScriptHash(snippets.inlineScript);
    expect(hash).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    // Known answer: sha256("") is 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=.
    expect(await inlineScriptHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    const header = buildCspHeader({ config: {}, src: SRC, inlineHashes: [hash] });
    expect(header).toContain(`script-src 'self' https://cdn.example ${hash}`);
    expect(header.startsWith("default-src 'self'; ")).toBe(true);
  });
});

describe('React snippet', () => {
  it('is valid TSX, listens with onbp-change and sets property-only settings through config', () => {
    const code = buildReactSnippet({ layout: 'list', hideUnfit: true, theme: { primary: '#0a7c4a' } }, { defaultApiBase: 'https://api.example' });
    expect(tsxSyntaxErrors(code)).toEqual([]);
    expect(code).toContain("import 'branch-picker/define';");
    const js = transpiledJsx(code);
    // The compiled element gets exactly these props.
    expect(js).toMatch(/_jsx\("branch-picker", \{[^}]*"api-base": "https:\/\/api.example"/);
    expect(js).toContain('layout: "list"');
    expect(js).toContain('config: pickerConfig');
    expect(js).toContain('"onbp-change": (event) => onChange(event.detail)');
    expect(code).toContain('"hideUnfit": true');
  });

  it('stays valid TSX with hostile attribute values, which remain string data', () => {
    const code = buildReactSnippet({ name: EVIL });
    expect(tsxSyntaxErrors(code)).toEqual([]);
    const js = transpiledJsx(code);
    const m = /name: ("(?:[^"\\]|\\.)*")/.exec(js);
    expect(m && JSON.parse(m[1]!)).toBe(EVIL);
  });

  it('with a saved config id, passes only the id', () => {
    const code = buildReactSnippet({ hideUnfit: true }, { configId: 'cfg_1' });
    expect(code).toContain('config-id="cfg_1"');
    expect(code).not.toContain('pickerConfig');
  });
});

describe('Vue snippet', () => {
  it('has a parseable template binding config as a property and listening to bp-change', () => {
    const { component, viteConfig } = buildVueSnippet({ layout: 'map', hideUnfit: true, name: EVIL });
    const template = /<template>([\s\S]*)<\/template>/.exec(component)?.[1] ?? '';
    const el = new DOMParser().parseFromString(`<body>${template.replace('/>', '></branch-picker>')}</body>`, 'text/html').querySelector('branch-picker');
    expect(el?.getAttribute('layout')).toBe('map');
    expect(el?.getAttribute('name')).toBe(EVIL);
    expect(el?.getAttribute(':config.prop')).toBe('pickerConfig');
    expect(el?.getAttribute('@bp-change')).toBe('onChange');
    const script = /<script setup lang="ts">([\s\S]*?)<\/script>/.exec(component)?.[1] ?? '';
    expect(tsxSyntaxErrors(script)).toEqual([]);
    expect(tsxSyntaxErrors(viteConfig)).toEqual([]);
    expect(viteConfig).toContain("isCustomElement: (tag) => tag === 'branch-picker'");
  });
});
