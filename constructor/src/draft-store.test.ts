import { describe, expect, it } from 'vitest';
import { emptyValues } from './config-form.js';
import { BROKEN_DRAFT_KEY, DRAFT_KEY, mergeValidFields, restoreDraft, saveDraft, type DraftStorage } from './draft-store.js';

function memoryStorage(initial: Record<string, string> = {}): DraftStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('draft store', () => {
  it('restores exactly what was saved, invalid text included', () => {
    const storage = memoryStorage();
    const values = { ...emptyValues(), zoom: '99', name: 'checkout <b>', carriers: ['nova-poshta'], hideUnfit: true };
    expect(saveDraft(storage, { values, savedId: 'cfg_7', savedJson: '{"zoom":3}' })).toBe(true);
    const restored = restoreDraft(storage);
    expect(restored).toEqual({ draft: { values, savedId: 'cfg_7', savedJson: '{"zoom":3}' }, dropped: [], found: true });
  });

  it('starts empty when nothing is stored', () => {
    expect(restoreDraft(memoryStorage())).toEqual({ draft: { values: emptyValues() }, dropped: [], found: false });
  });

  it('keeps the good fields of a damaged draft and reports the dropped ones', () => {
    const stored = { values: { zoom: 12, name: 'ok', carriers: ['nova-poshta', 3], hideUnfit: 'yes', lang: 'uk', unknown: 'x' }, savedId: 42 };
    const restored = restoreDraft(memoryStorage({ [DRAFT_KEY]: JSON.stringify(stored) }));
    expect(restored.draft.values.name).toBe('ok');
    expect(restored.draft.values.lang).toBe('uk');
    expect(restored.draft.values.zoom).toBe('');
    expect(restored.draft.values.carriers).toEqual(emptyValues().carriers);
    expect(restored.draft.values.hideUnfit).toBe(false);
    expect(restored.draft.savedId).toBeUndefined();
    expect(restored.dropped.sort()).toEqual(['carriers', 'hideUnfit', 'savedId', 'zoom']);
  });

  it('moves an unreadable draft aside instead of deleting it', () => {
    const storage = memoryStorage({ [DRAFT_KEY]: '{"values": {"name": "half' });
    const restored = restoreDraft(storage);
    expect(restored.draft.values).toEqual(emptyValues());
    expect(restored.dropped).toEqual(['draft']);
    expect(storage.data.get(BROKEN_DRAFT_KEY)).toBe('{"values": {"name": "half');
  });

  it('survives storage that throws', () => {
    const throwing: DraftStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
    };
    expect(saveDraft(throwing, { values: emptyValues() })).toBe(false);
    expect(restoreDraft(throwing).found).toBe(false);
  });
});

describe('mergeValidFields', () => {
  it('deduplicates lists and ignores non-objects', () => {
    expect(mergeValidFields({ types: ['post_office', 'post_office'] }).values.types).toEqual(['post_office']);
    expect(mergeValidFields('nope')).toEqual({ values: emptyValues(), dropped: ['values'] });
  });
});
