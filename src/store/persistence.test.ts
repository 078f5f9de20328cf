import { describe, expect, it } from 'vitest';
import { setBlockSetting } from '../core/index.ts';
import { selectDocument } from './derived.ts';
import { createEditorStore } from './editor-store.ts';
import { loadSavedWork, restoreSavedWork, saveWork, STORAGE_KEY, type WorkStorage } from './persistence.ts';

function memoryStorage(quota = Infinity): WorkStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => { data.delete(k); },
  };
}

const TEXT = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap\n';

describe('saved work', () => {
  it('restores text, baseline, version, positions and preferences into a fresh store', () => {
    const a = createEditorStore(TEXT, 'a.conf');
    const doc = selectDocument(a.getState());
    a.getState().applyEdits(setBlockSetting(doc, { service: 'imap-login' }, 'process_limit', '500'), 'Set imap-login process_limit = 500');
    a.getState().moveNodes({ auth: { x: 10, y: 20 } });
    a.getState().setTheme('dark');
    a.getState().setUlimit(1024);
    const storage = memoryStorage();
    expect(saveWork(storage, a.getState())).toBe('saved');

    const saved = loadSavedWork(storage);
    expect(saved).not.toBeNull();
    const b = createEditorStore('protocols = pop3\n', 'other.conf');
    restoreSavedWork(b, saved!);
    const s = b.getState();
    expect(s.text).toContain('process_limit = 500');
    expect(s.importedText).toBe(TEXT);
    expect(s.fileName).toBe('a.conf');
    expect(s.version).toBe('2.4');
    expect(s.pinned).toEqual({ auth: { x: 10, y: 20 } });
    expect(s.theme).toBe('dark');
    expect(s.ulimit).toBe(1024);
    expect(b.temporal.getState().pastStates).toHaveLength(0);
  });

  it('drops the stale copy and reports when the text does not fit', () => {
    const storage = memoryStorage(200);
    storage.data.set(STORAGE_KEY, JSON.stringify({ text: 'old', fileName: 'old.conf', version: '2.3' }));
    const big = createEditorStore(`${TEXT}${'# padding\n'.repeat(100)}`, 'big.conf');
    expect(saveWork(storage, big.getState())).toBe('too-large');
    expect(loadSavedWork(storage)).toBeNull();
  });

  it('ignores damaged or foreign data', () => {
    const storage = memoryStorage();
    storage.data.set(STORAGE_KEY, '{not json');
    expect(loadSavedWork(storage)).toBeNull();
    storage.data.set(STORAGE_KEY, JSON.stringify({ text: 1 }));
    expect(loadSavedWork(storage)).toBeNull();
    storage.data.set(STORAGE_KEY, JSON.stringify({ text: 'x', fileName: 'f', version: '2.4', ui: { theme: 'neon', ulimit: -5 } }));
    expect(loadSavedWork(storage)?.ui).toMatchObject({ theme: 'system', ulimit: 65536 });
  });
});

describe('composite edits', () => {
  it('applies steps in order as one undo step', () => {
    const store = createEditorStore(TEXT, 'a.conf');
    store.getState().applyEditSteps([
      (doc) => setBlockSetting(doc, { service: 'auth' }, 'client_limit', '2000'),
      (doc) => setBlockSetting(doc, { service: 'auth' }, 'process_min_avail', '0'),
      (doc) => setBlockSetting(doc, { service: 'anvil' }, 'client_limit', '2003'),
    ], 'Fix budgets');
    const text = store.getState().text;
    expect(text).toContain('service auth {\n  client_limit = 2000\n  process_min_avail = 0\n}');
    expect(text).toContain('service anvil {\n  client_limit = 2003\n}');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().text).toBe(TEXT);
  });
});

describe('undo history of large texts', () => {
  it('keeps the newest steps within the character budget', async () => {
    const { HISTORY_CHARS } = await import('./editor-store.ts');
    const big = 'x'.repeat(Math.ceil(HISTORY_CHARS / 4));
    const store = createEditorStore(`# 0\n${big}`, 'big.conf');
    for (let i = 1; i <= 8; i++) store.getState().setText(`# ${i}\n${big}`, `step ${i}`);
    const past = store.temporal.getState().pastStates;
    expect(past.length).toBeLessThan(8);
    expect(past.length).toBeGreaterThanOrEqual(3);
    expect(past.reduce((n, p) => n + (p.text?.length ?? 0), 0)).toBeLessThanOrEqual(HISTORY_CHARS);
    store.temporal.getState().undo();
    expect(store.getState().text.startsWith('# 7\n')).toBe(true);
  });
});
