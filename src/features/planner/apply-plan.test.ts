import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_TEXT } from '../../app/default-config.ts';
import { DEFAULT_PLAN_INPUT, planCapacity, type PlanInput } from '../../core/planner/index.ts';
import { createEditorStore } from '../../store/editor-store.ts';

const input: PlanInput = { ...DEFAULT_PLAN_INPUT, connections: { imap: 20000, pop3: 0, submission: 0, managesieve: 0 }, cores: 8, loginMode: 'high-performance' };

describe('applying a plan through the store', () => {
  it('is one undo step, and planning again finds nothing to change', () => {
    const store = createEditorStore(`${DEFAULT_CONFIG_TEXT}# my own comment\nservice imap-login {\n  process_limit = 50\n}\n`);
    const before = store.getState().text;
    const undoBefore = store.temporal.getState().pastStates.length;
    const plan = planCapacity(before, input, { version: store.getState().version });
    store.getState().applyEdits(plan.edits, 'Apply capacity plan');
    const s = store.getState();
    expect(s.text).toBe(plan.plannedText);
    expect(s.text).toContain('# my own comment');
    expect(s.lastChange).toBe('Apply capacity plan');
    expect(store.temporal.getState().pastStates.length).toBe(undoBefore + 1);
    expect(planCapacity(s.text, input, { version: s.version }).edits).toEqual([]);
    store.temporal.getState().undo();
    expect(store.getState().text).toBe(before);
  });
});
