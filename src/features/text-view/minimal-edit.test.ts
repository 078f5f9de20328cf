import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyReplacements, diffEdits, prefixSuffixEdit, rebase } from './minimal-edit.ts';

const CONF = [
  '# 10-master.conf: our tuning',
  'service imap-login {',
  '  # more logins for the web mail',
  '  process_limit = 100',
  '  inet_listener imap {',
  '    port = 143',
  '  }',
  '}',
  '',
  'service auth {',
  '  client_limit = 1000 # doubled in 2023',
  '}',
  '',
].join('\n');

describe('prefixSuffixEdit', () => {
  it('replaces only the changed characters of a value', () => {
    const next = CONF.replace('process_limit = 100', 'process_limit = 500');
    const e = prefixSuffixEdit(CONF, next)!;
    expect(e.end - e.start).toBe(1);
    expect(CONF.slice(e.start, e.end)).toBe('1');
    expect(e.text).toBe('5');
  });

  it('never splits a CRLF pair or a surrogate pair', () => {
    const e1 = prefixSuffixEdit('a\r\nb', 'a\r\r\nb')!;
    expect(applyReplacements('a\r\nb', [e1])).toBe('a\r\r\nb');
    const crlfSafe = (s: string, at: number) => !(s[at - 1] === '\r' && s[at] === '\n');
    expect(crlfSafe('a\r\nb', e1.start) && crlfSafe('a\r\nb', e1.end)).toBe(true);
    const e2 = prefixSuffixEdit('x😀y', 'x😃y')!;
    expect(e2).toEqual({ start: 1, end: 3, text: '😃' });
  });

  it('is null for equal texts', () => {
    expect(prefixSuffixEdit(CONF, CONF)).toBeNull();
    expect(diffEdits(CONF, CONF)).toEqual([]);
  });
});

describe('diffEdits', () => {
  it('turns two distant changes into two small edits, leaving the comments between them alone', () => {
    const next = CONF.replace('process_limit = 100', 'process_limit = 500').replace('client_limit = 1000', 'client_limit = 5103');
    const edits = diffEdits(CONF, next);
    expect(edits).toHaveLength(2);
    expect(edits.map((e) => CONF.slice(e.start, e.end))).toEqual(['1', '1000']);
    expect(edits.map((e) => e.text)).toEqual(['5', '5103']);
    expect(applyReplacements(CONF, edits)).toBe(next);
  });

  it('inserts a new setting line before the closing brace as a pure insertion', () => {
    const next = CONF.replace('  client_limit = 1000 # doubled in 2023\n', '  client_limit = 1000 # doubled in 2023\n  process_limit = 1\n');
    const edits = diffEdits(CONF, next);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.end).toBe(edits[0]!.start);
    expect(edits[0]!.text).toBe('  process_limit = 1\n');
  });

  it('removes a whole block as one deletion', () => {
    const next = CONF.replace(/service auth \{[^}]*\}\n/, '');
    const edits = diffEdits(CONF, next);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.text).toBe('');
    expect(applyReplacements(CONF, edits)).toBe(next);
  });

  it('always reproduces the target text (property)', () => {
    const line = fc.constantFrom('service auth {', '}', '  client_limit = 1', '# c', '', '  process_limit = 5', 'x = "é😀"');
    const text = fc.array(line, { maxLength: 30 }).chain((ls) => fc.constantFrom('\n', '\r\n').map((nl) => ls.join(nl)));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const edits = diffEdits(a, b);
        expect(applyReplacements(a, edits)).toBe(b);
        for (let i = 1; i < edits.length; i++) expect(edits[i]!.start).toBeGreaterThanOrEqual(edits[i - 1]!.end);
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to one replacement when the texts share nothing', () => {
    const a = Array.from({ length: 600 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 600 }, (_, i) => `b${i}`).join('\n');
    const edits = diffEdits(a, b);
    expect(edits).toHaveLength(1);
    expect(applyReplacements(a, edits)).toBe(b);
  });
});

describe('rebase', () => {
  it("moves the store's change past what the user typed before the debounce fired", () => {
    const mine = CONF.replace('# 10-master.conf: our tuning', '# 10-master.conf: our tuning (typed)');
    const theirs = CONF.replace('client_limit = 1000', 'client_limit = 5103');
    const edits = rebase(CONF, mine, theirs)!;
    expect(applyReplacements(mine, edits)).toBe(mine.replace('client_limit = 1000', 'client_limit = 5103'));
  });

  it('refuses to merge edits of the same characters', () => {
    const mine = CONF.replace('process_limit = 100', 'process_limit = 1007');
    const theirs = CONF.replace('process_limit = 100', 'process_limit = 500');
    expect(rebase(CONF, mine, theirs)).toBeNull();
  });

  it('is the plain diff when nothing is pending', () => {
    const theirs = CONF.replace('port = 143', 'port = 1143');
    expect(rebase(CONF, CONF, theirs)).toEqual(diffEdits(CONF, theirs));
  });

  it('keeps both sides when they touch different lines (property)', () => {
    const lines = CONF.split('\n');
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.nat(lines.length - 1), fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), (i, j, s1, s2) => {
        fc.pre(Math.abs(i - j) > 1);
        const mine = lines.map((l, k) => (k === i ? l + s1 : l)).join('\n');
        const theirs = lines.map((l, k) => (k === j ? s2 + l : l)).join('\n');
        const both = lines.map((l, k) => (k === i ? l + s1 : k === j ? s2 + l : l)).join('\n');
        const edits = rebase(CONF, mine, theirs);
        expect(edits).not.toBeNull();
        expect(applyReplacements(mine, edits!)).toBe(both);
      }),
      { numRuns: 300 },
    );
  });
});
