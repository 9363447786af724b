// React and Vue usage of <branch-picker>, from the current config. Neither library is installed
// here, so these are checked as text (TSX transpiles, the SFC's template parses), not run.
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { elementAttributes, escapeAttr, indent, propertyOnlySettings, safeJson, type SnippetOptions } from './snippet.js';

/** A JSX attribute: a plain string literal when safe, else a JS string expression. */
function jsxAttr(name: string, value: string): string {
  return /^[^"&{}<>\\]*$/.test(value) ? `${name}="${value}"` : `${name}={${safeJson(value, 0)}}`;
}

function settingsConst(config: WidgetConfig, opts: SnippetOptions, ts: boolean): string[] {
  const props = opts.configId ? {} : propertyOnlySettings(config);
  if (Object.keys(props).length === 0) return [];
  return [
    '// Settings that have no attribute. Declared once, outside the component: a new object on every',
    '// render would hand the widget a new config each time.',
    `const pickerConfig${ts ? ': WidgetConfig' : ''} = ${safeJson(props)};`,
    '',
  ];
}

/**
 * React 19, TSX. React 19 sets a custom element's prop as a property when the element has one
 * (`config`), else as an attribute, and turns `on<name>` props into listeners for the event of
 * exactly that name: `onbp-change` listens to `bp-change`. React 18 sets attributes only and
 * ignores such listeners: there, use a ref and addEventListener.
 */
export function buildReactSnippet(config: WidgetConfig, opts: SnippetOptions = {}): string {
  const settings = settingsConst(config, opts, true);
  const attrs = elementAttributes(config, { ...opts, elementId: '' }).map(([k, v]) => jsxAttr(k, v));
  if (settings.length) attrs.push('config={pickerConfig}');
  attrs.push("onbp-change={(event: BpChangeEvent) => onChange(event.detail)}");
  return [
    '// React 19: the element is registered before the first render (the import below), so `config`',
    '// is set as a property and `onbp-change` listens to the bp-change event.',
    "import 'branch-picker/define';",
    "import type { BpChangeEvent, SelectionDetail, WidgetConfig } from 'branch-picker';",
    "import type { HTMLAttributes } from 'react';",
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
    "      'branch-picker': HTMLAttributes<HTMLElement> & {",
    '        config?: WidgetConfig;',
    "        'onbp-change'?: (event: BpChangeEvent) => void;",
    '      };',
    '    }',
    '  }',
    '}',
    '',
    ...settings,
    'export function PickupPointPicker({ onChange }: { onChange: (choice: SelectionDetail) => void }) {',
    '  return (',
    '    <branch-picker',
    ...attrs.map((a) => `      ${a}`),
    '    />',
    '  );',
    '}',
  ].join('\n');
}

/** Vue 3 single-file component plus the compiler option that leaves the tag to the browser. */
export function buildVueSnippet(config: WidgetConfig, opts: SnippetOptions = {}): { component: string; viteConfig: string } {
  const settings = settingsConst(config, opts, true);
  const attrs = elementAttributes(config, { ...opts, elementId: '' }).map(([k, v]) => `${k}="${escapeAttr(v)}"`);
  // `.prop` sets the object as a DOM property (Vue would too, since the element has `config`).
  if (settings.length) attrs.push(':config.prop="pickerConfig"');
  attrs.push('@bp-change="onChange"');
  const component = [
    '<script setup lang="ts">',
    "import 'branch-picker/define';",
    "import type { BpChangeEvent, SelectionDetail, WidgetConfig } from 'branch-picker';",
    '',
    ...settings,
    'const emit = defineEmits<{ change: [choice: SelectionDetail] }>();',
    "const onChange = (event: BpChangeEvent) => emit('change', event.detail);",
    '</script>',
    '',
    '<template>',
    indent(['<branch-picker', ...attrs.map((a) => `  ${a}`), '/>'].join('\n')),
    '</template>',
  ].join('\n');
  const viteConfig = [
    '// vite.config.ts: <branch-picker> is a custom element, not a Vue component.',
    "import vue from '@vitejs/plugin-vue';",
    "import { defineConfig } from 'vite';",
    '',
    'export default defineConfig({',
    '  plugins: [',
    "    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'branch-picker' } } }),",
    '  ],',
    '});',
  ].join('\n');
  return { component, viteConfig };
}
