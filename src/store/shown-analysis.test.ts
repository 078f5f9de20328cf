import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editor-store.ts';
import { selectShownAnalysis } from './derived.ts';

describe('selectShownAnalysis', () => {
  it('keeps the last model that parsed while the text has a syntax error', () => {
    const store = createEditorStore('protocols = imap\nservice imap-login {\n  process_limit = 7\n}\n');
    const first = selectShownAnalysis(store.getState());
    expect(first.stale).toBe(false);
    expect(first.analysis.resolved.services.find((s) => s.name === 'imap-login')?.processLimit).toBe(7);

    store.getState().setText('protocols = imap\nservice imap-login { process_limit = 9\n}\n', 'typing');
    const broken = selectShownAnalysis(store.getState());
    expect(broken.stale).toBe(true);
    expect(broken.stoppedAt?.message).toBe("Garbage after '{'");
    expect(broken.analysis).toBe(first.analysis);

    store.getState().setText('protocols = imap\nservice imap-login {\n  process_limit = x\n}\n', 'typing');
    const invalidValue = selectShownAnalysis(store.getState());
    expect(invalidValue.stale).toBe(false);
  });
});
