/**
 * Properties of the syntax layer on arbitrary input (fast-check): the parser
 * never throws, printing an unedited parse gives the input back byte for byte,
 * the canonical form is a fixed point, and text edits change only what they
 * target and re-parse to the intended value.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DovecotVersion } from '../data/types.ts';
import { canonicalize } from './canonical.ts';
import { applyEdits, setBlockSetting, setGlobal, type TextEdit } from './edit.ts';
import { parseConfig, printConfig, type ConfigNode } from './parse.ts';

const TOKENS = [
  'service', 'imap-login', 'auth', 'inet_listener', 'unix_listener', 'imap', 'protocol', 'local 10.0.0.0/8', '{', '}', '=', ' = ',
  '"', "'", '#', '\\', '\n', '\r\n', '\r', ' ', '\t', '\v', 'process_limit', 'client_limit', '5', '0666', '$SET:x', '$x', '%{system:cpu_count}',
  '!include', '!include_try', 'conf.d/*.conf', '<', 'dovecot_config_version = 2.4.1\n', 'é', '☃', '\u0000', '𝄞', '{}', '}}', '\\\n',
];

/** Config-like text: tokens that matter to the grammar mixed with arbitrary unicode. */
const configText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 60 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

const version = fc.constantFrom<DovecotVersion>('2.3', '2.4');
/** FC_RUNS=n multiplies the number of runs (to explore while developing). */
const RUNS = Number(process.env['FC_RUNS'] ?? 1);

describe('parseConfig on arbitrary text', () => {
  it('never throws and reports problems with positions inside the text', () => {
    fc.assert(fc.property(configText, version, (text, v) => {
      const { problems } = parseConfig(text, v);
      const lines = text.split('\n').length;
      for (const p of problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.line).toBeLessThanOrEqual(lines);
        expect(p.offset).toBeLessThanOrEqual(text.length);
      }
    }), { numRuns: 1000 * RUNS });
  });

  it('prints an unedited parse back byte for byte', () => {
    fc.assert(fc.property(configText, version, (text, v) => {
      expect(printConfig(parseConfig(text, v).doc)).toBe(text);
    }), { numRuns: 1000 * RUNS });
  });
});

describe('canonicalize', () => {
  it('is a fixed point: canonicalize(parse(canonicalize(parse(x)))) === canonicalize(parse(x))', () => {
    fc.assert(fc.property(configText, version, (text, v) => {
      const once = canonicalize(parseConfig(text, v).doc);
      expect(canonicalize(parseConfig(once, v).doc)).toBe(once);
    }), { numRuns: 1000 * RUNS });
  });
});

/** A small valid config with services, listeners and comments in random layout. */
const serviceConfig = fc.record({
  indent: fc.constantFrom('', '  ', '\t', '    '),
  eq: fc.constantFrom(' = ', '=', '\t=\t'),
  nl: fc.constantFrom('\n', '\r\n'),
  services: fc.array(fc.record({
    name: fc.constantFrom('imap-login', 'pop3-login', 'auth', 'lmtp', 'imap', 'my-svc'),
    keys: fc.array(fc.record({ key: fc.constantFrom('process_limit', 'client_limit', 'process_min_avail', 'user'), value: fc.constantFrom('5', '100', 'root', '"a b"', '0') }), { maxLength: 3 }),
    listener: fc.option(fc.constantFrom('unix_listener auth-x', 'inet_listener imap'), { nil: undefined }),
    comment: fc.boolean(),
  }), { maxLength: 4 }),
}).map(({ indent, eq, nl, services }) => {
  const out: string[] = ['# generated', `protocols${eq}imap pop3`];
  for (const s of services) {
    out.push(`service ${s.name} {${s.comment ? ' # tuned' : ''}`);
    for (const k of s.keys) out.push(`${indent}${k.key}${eq}${k.value}`);
    if (s.listener !== undefined) out.push(`${indent}${s.listener} {`, `${indent}${indent}mode${eq}0660`, `${indent}}`);
    out.push('}');
  }
  return out.join(nl) + nl;
});

/** Values a user may type, including ones that need quoting. */
const userValue = fc.oneof(
  fc.constantFrom('5', '0', 'unlimited', 'a b', ' lead', 'trail ', 'x # y', '"quoted"', "it's", 'back\\', '{', '}', '$var', 'é☃', ''),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\n\r\0\v\f]/.test(s)),
);

function assigns(nodes: readonly ConfigNode[], path: string[] = []): { path: string; key: string; raw: string }[] {
  return nodes.flatMap((n) => {
    if (n.kind === 'assign') return [{ path: path.join('/'), key: n.key, raw: n.raw }];
    if (n.kind === 'section') return assigns(n.children, [...path, `${n.name} ${n.value}`]);
    return [];
  });
}

function keptOutside(before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let pos = 0;
  let shift = 0;
  for (const e of sorted) {
    expect(after.slice(pos + shift, e.start + shift)).toBe(before.slice(pos, e.start));
    shift += e.text.length - (e.end - e.start);
    pos = e.end;
  }
  expect(after.slice(pos + shift)).toBe(before.slice(pos));
}

describe('text edits', () => {
  it('setBlockSetting keeps every other byte and re-parses to the intended value', () => {
    fc.assert(fc.property(serviceConfig, version, fc.constantFrom('imap-login', 'auth', 'new-svc'), fc.constantFrom('process_limit', 'client_limit', 'vsz_limit'), userValue, (text, v, svc, key, value) => {
      const { doc } = parseConfig(text, v);
      const edits = setBlockSetting(doc, { service: svc }, key, value);
      const next = applyEdits(text, edits);
      keptOutside(text, next, edits);
      const after = parseConfig(next, v).doc;
      const inService = assigns(after.children).filter((a) => a.path === `service ${svc}` && a.key === key);
      const last = inService[inService.length - 1];
      expect(last).toBeDefined();
      const reparsed = parseConfig(`${key} = ${last!.raw}\n`, v).doc.children[0];
      expect(reparsed?.kind === 'assign' ? reparsed.value : null).toBe(value);
      // every other statement is still there, unchanged
      const others = (nodes: readonly ConfigNode[]) => assigns(nodes).filter((a) => !(a.path === `service ${svc}` && a.key === key));
      expect(others(after.children)).toEqual(others(doc.children));
    }), { numRuns: 500 * RUNS });
  });

  it('setGlobal keeps every other byte and re-parses to the intended value', () => {
    fc.assert(fc.property(serviceConfig, version, fc.constantFrom('protocols', 'default_process_limit', 'login_greeting'), userValue, (text, v, key, value) => {
      const { doc } = parseConfig(text, v);
      const edits = setGlobal(doc, key, value);
      const next = applyEdits(text, edits);
      keptOutside(text, next, edits);
      const after = parseConfig(next, v).doc;
      const roots = after.children.filter((n) => n.kind === 'assign' && n.key === key);
      const last = roots[roots.length - 1];
      expect(last?.kind === 'assign' ? last.value : null).toBe(value);
      const others = (nodes: readonly ConfigNode[]) => assigns(nodes).filter((a) => !(a.path === '' && a.key === key));
      expect(others(after.children)).toEqual(others(doc.children));
    }), { numRuns: 500 * RUNS });
  });
});
