import { describe, expect, it } from 'vitest';
import { parseConfig, printConfig } from './parse.ts';
import { corpusConfigs, findCorpus } from '../testing/corpus.ts';

describe('parseConfig', () => {
  it('classifies statements and keeps positions', () => {
    const text = 'protocols = imap\nservice imap-login {\n  process_limit=5 # five\n  inet_listener imap {\n    port = 0\n  }\n}\n';
    const { doc, problems } = parseConfig(text, '2.3');
    expect(problems).toEqual([]);
    const svc = doc.children[1];
    expect(svc?.kind).toBe('section');
    if (svc?.kind !== 'section') return;
    expect([svc.name, svc.value, svc.line, svc.close?.line]).toEqual(['service', 'imap-login', 2, 7]);
    const pl = svc.children[0];
    expect(pl?.kind === 'assign' && [pl.key, pl.value, pl.line, pl.column]).toEqual(['process_limit', '5', 3, 3]);
    if (pl?.kind === 'assign') expect(text.slice(pl.valueSpan.start, pl.valueSpan.end)).toBe('5');
  });

  it('joins continuation lines and reports the last physical line', () => {
    const text = 'a = 1 \\\n   2 \\\n 3\nb = 1 \\\n# drops b\nservice x { y\n';
    const { doc, problems } = parseConfig(text, '2.3');
    const a = doc.children[0];
    expect(a?.kind === 'assign' && a.value).toBe('1 2 3');
    expect(doc.children.map((n) => n.kind)).toEqual(['assign', 'trivia', 'error']);
    expect(problems[0]).toMatchObject({ message: "Garbage after '{'", line: 6 });
  });

  it('unquotes values and keeps # inside quotes', () => {
    const { doc } = parseConfig('k = "a # b \\" c"\nk2 = "x" y\nk3 = \'\'\n', '2.3');
    const vals = doc.children.map((n) => (n.kind === 'assign' ? n.value : null));
    expect(vals).toEqual(['a # b " c', '"x" y', '']);
  });

  it('reports ambiguous # and brace errors with doveconf texts', () => {
    const { problems } = parseConfig('a = b#c\nservice imap-login\n{\n}\n} foo\n}\n', '2.3');
    expect(problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['ambiguous-hash', 1, "Ambiguous '#' character in line, treating it as comment. Add a space before it to remove this warning."],
      ['expecting-brace', 2, "Expecting '{'"],
      ['expecting-brace', 3, "Expecting '{'"],
      ['unexpected-close', 4, "Unexpected '}'"],
      ['expecting-brace', 5, "Expecting '{'"],
      ['unexpected-close', 6, "Unexpected '}'"],
    ]);
  });

  it('reports a missing brace with the innermost section line', () => {
    const { problems } = parseConfig('service a {\n  unix_listener b {\n', '2.4');
    expect(problems).toMatchObject([{ code: 'missing-close', sectionLine: 2 }]);
  });

  it('handles CRLF and 2.4 quoted keys', () => {
    const text = 'a = 1\r\n"SORT=DISPLAY" = yes\r\n';
    const { doc } = parseConfig(text, '2.4');
    expect(doc.children.map((n) => (n.kind === 'assign' ? [n.key, n.value] : n.kind))).toEqual([['a', '1'], ['SORT=DISPLAY', 'yes']]);
    expect(printConfig(doc)).toBe(text);
  });

  const corpus = findCorpus();
  if (corpus === null) {
    it.skip('corpus round trip (../shared/corpus not found)', () => {});
  } else {
    it.each(corpusConfigs(corpus))('round-trips $name byte for byte', ({ text }) => {
      for (const v of ['2.3', '2.4'] as const) expect(printConfig(parseConfig(text, v).doc)).toBe(text);
    });
  }
});
