import { describe, expect, it } from 'vitest';
import { cloneable } from './cloneable.ts';
import { checkConfig } from '../core/index.ts';

describe('cloneable', () => {
  it('makes a check result structured-clonable and keeps its data', () => {
    const text = 'protocols = imap pop3\nservice imap-login {\n  process_limit = 300\n  inet_listener imap {\n    port = 0\n  }\n}\n';
    const r = checkConfig({ path: 'd.conf', text }, { version: '2.3' });
    const c = cloneable(r);
    const back = structuredClone(c);
    expect(back.budgets.auth.required).toBe(r.budgets.auth.required);
    const svc = back.resolved.services.find((s) => s.name === 'imap-login')!;
    expect(svc.processLimit).toBe(300);
    expect(svc.listeners.find((l) => l.name === 'imap')?.values['port']?.text).toBe('0');
    expect(back.loaded.services.get('imap-login')?.settings.get('process_limit')?.value).toBe('300');
  });

  it('keeps cycles and shared references', () => {
    const a: { self?: unknown; list: number[] } = { list: [1] };
    a.self = a;
    const c = cloneable({ x: a, y: a, f: () => 1 });
    expect(c.x).toBe(c.y);
    expect((c.x as typeof a).self).toBe(c.x);
    expect('f' in c).toBe(false);
  });
});
