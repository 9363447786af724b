// Registration guard: two script tags (or two versions) on one page must never throw.
// Same version already registered: skip silently. Another version: warn and keep the first.
export const TAG = 'branch-picker';

interface Versioned {
  version?: string;
}

export type DefineResult = 'defined' | 'same-version' | 'other-version';

export function defineBranchPicker(
  ctor: CustomElementConstructor & Versioned,
  registry: CustomElementRegistry | undefined = globalThis.customElements,
  tag = TAG,
): DefineResult {
  if (!registry) return 'same-version';
  const existing = registry.get(tag) as (CustomElementConstructor & Versioned) | undefined;
  if (existing) {
    if (existing === ctor || existing.version === ctor.version) return 'same-version';
    console.warn(`[branch-picker] <${tag}> ${existing.version ?? '(unknown version)'} is already registered; ignoring ${ctor.version ?? '(unknown version)'}`);
    return 'other-version';
  }
  try {
    registry.define(tag, ctor);
    return 'defined';
  } catch (e) {
    // A race with another copy between get() and define(): same outcome as "already there".
    console.warn(`[branch-picker] could not register <${tag}>:`, e);
    return 'other-version';
  }
}
