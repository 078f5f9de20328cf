import { describe, expect, it } from 'vitest';
import { checkConfig, type DovecotVersion } from '../../core/index.ts';
import { corpusConfigs, findCorpus } from '../../core/testing/corpus.ts';
import { diagnosticMarkers, lineStarts, positionOf, rangeOf, type TextMarker } from './markers.ts';

const HEAD_24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n';

function markers(text: string, version: DovecotVersion, ulimit?: number): TextMarker[] {
  return diagnosticMarkers(checkConfig({ path: 'dovecot.conf', text }, { version, ...(ulimit ? { ulimit } : {}) }), text);
}

/** The text a marker covers. */
function covered(text: string, m: TextMarker): string {
  const lines = text.split('\n');
  if (m.startLineNumber === m.endLineNumber) return lines[m.startLineNumber - 1]!.slice(m.startColumn - 1, m.endColumn - 1);
  return text.slice(m.start, m.end);
}

describe('positions', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const s = lineStarts('a\nbc\n');
    expect(positionOf(s, 0)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionOf(s, 3)).toEqual({ lineNumber: 2, column: 2 });
    expect(positionOf(s, 5)).toEqual({ lineNumber: 3, column: 1 });
  });

  it('trims indentation, line ends (CRLF too) and widens an empty range at the end of the file', () => {
    const t = 'service auth {\r\n  client_limit = 1\r\n';
    const r = rangeOf(t, lineStarts(t), 16, t.length);
    expect(r).toMatchObject({ startLineNumber: 2, startColumn: 3, endLineNumber: 2, endColumn: 19 });
    const e = rangeOf(t, lineStarts(t), t.length, t.length);
    expect(e).toMatchObject({ startLineNumber: 2, startColumn: 3, endLineNumber: 2, endColumn: 19 });
  });
});

describe('diagnosticMarkers', () => {
  it('puts a stage-A error on its statement with doveconf\'s message (2.3 and 2.4)', () => {
    const body = 'protocols = imap\nservice auth {\n  # mine\n  foo = 1\n}\n';
    const m23 = markers(body, '2.3');
    expect(m23[0]).toMatchObject({ severity: 'error', message: 'Unknown setting: service { foo', startLineNumber: 4, startColumn: 3, endColumn: 10, source: 'doveconf' });
    const t24 = HEAD_24 + body;
    const m24 = markers(t24, '2.4');
    expect(m24[0]!.message).toBe('foo: Unknown setting: foo (service_foo or service_auth_foo not found either.)');
    expect(covered(t24, m24[0]!)).toBe('foo = 1');
  });

  it('attaches a positionless settings-check error to the setting it is about', () => {
    const t = 'protocols = imap\nservice imap-login {\n  process_limit = 5\n  process_min_avail = 6\n}\n';
    const m = markers(t, '2.3').find((x) => x.code === 'process-min-avail-too-high')!;
    expect(m.message).toBe('service(imap-login): process_min_avail is higher than process_limit');
    expect(covered(t, m)).toBe('process_min_avail = 6');
  });

  it('attaches the auth budget warning to auth\'s client_limit line, or its block, or the first statement', () => {
    const written = 'protocols = imap\nservice imap-login {\n  process_limit = 5000\n}\nservice auth {\n  client_limit = 100 # tuned\n}\n';
    const w = markers(written, '2.3').find((x) => x.code === 'auth-client-limit')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toMatch(/^service auth \{ client_limit=100 \} is lower than required under max\. load \(5100\)/);
    expect(covered(written, w)).toBe('client_limit = 100 # tuned');

    const block = 'protocols = imap\nservice imap-login {\n  process_limit = 5000\n}\nservice auth {\n  user = root\n}\n';
    expect(covered(block, markers(block, '2.3').find((x) => x.code === 'auth-client-limit')!)).toBe('service auth {');

    const none = '# tuning\n\nprotocols = imap\nservice imap-login {\n  process_limit = 5000\n}\n';
    expect(covered(none, markers(none, '2.3').find((x) => x.code === 'auth-client-limit')!)).toBe('protocols = imap');
  });

  it('follows a 2.4 value to the root service_* key it came from', () => {
    const t = `${HEAD_24}protocols = imap\nservice_process_limit = 0\n`;
    const m = markers(t, '2.4').find((x) => x.code === 'process-limit-zero')!;
    expect(covered(t, m)).toBe('service_process_limit = 0');
  });

  it('shows an unresolved include as info and a missing brace at the last line with text', () => {
    const t = 'protocols = imap\n!include conf.d/*.conf\nservice auth {\n  client_limit = 5000\n\n';
    const m = markers(t, '2.3');
    const inc = m.find((x) => x.code === 'include-unresolved')!;
    expect(inc.severity).toBe('info');
    expect(covered(t, inc)).toBe('!include conf.d/*.conf');
    const close = m.find((x) => x.code === 'missing-close')!;
    expect(close.message).toBe("Missing '}' (section started at dovecot.conf:3)");
    expect(covered(t, close)).toBe('client_limit = 5000');
  });

  it('lists a warning doveconf prints twice (2.3 base_dir prefix) once', () => {
    const t = 'protocols = imap\nservice auth {\n  unix_listener /run/dovecot/auth-x {\n    mode = 0600\n  }\n}\n';
    const result = checkConfig({ path: 'dovecot.conf', text: t }, { version: '2.3' });
    expect(result.warnings.filter((w) => w.code === 'base-dir-prefix')).toHaveLength(2);
    const m = diagnosticMarkers(result, t).filter((x) => x.code === 'base-dir-prefix');
    expect(m).toHaveLength(1);
    expect(covered(t, m[0]!)).toBe('unix_listener /run/dovecot/auth-x {');
  });

  it('marks "The first setting must be dovecot_config_version" once, where doveconf stops', () => {
    const t = 'protocols = imap\nservice auth {\n  client_limit = 10\n}\n';
    const m = markers(t, '2.4').filter((x) => x.code === 'first-setting-not-version');
    expect(m).toHaveLength(1);
    expect(covered(t, m[0]!)).toBe('protocols = imap');
  });

  it('marks the fd warning as the editor\'s own note', () => {
    const t = 'protocols = imap\nservice imap-login {\n  client_limit = 5000\n}\n';
    const m = markers(t, '2.3', 1024).find((x) => x.code === 'fd-limit')!;
    expect(m.source).toBe('editor');
    expect(covered(t, m)).toBe('client_limit = 5000');
  });
});

describe('markers over the shared corpus', () => {
  const corpus = findCorpus();
  if (corpus === null) {
    it.skip('shared corpus not found (../shared/corpus): corpus marker tests skipped', () => {});
    return;
  }
  it('puts every diagnostic of every corpus file (2.3 and 2.4) on a real range, on the line doveconf names', () => {
    let count = 0;
    for (const { name, text } of corpusConfigs(corpus)) {
      for (const version of ['2.3', '2.4'] as const) {
        const result = checkConfig({ path: name, text }, { version });
        const lines = text.split('\n');
        const ms = diagnosticMarkers(result, text);
        for (const m of ms) {
          const where = `${name} ${version}: ${m.message}`;
          expect(m.startLineNumber, where).toBeGreaterThanOrEqual(1);
          expect(m.endLineNumber, where).toBeLessThanOrEqual(lines.length);
          expect(m.endColumn, where).toBeLessThanOrEqual(lines[m.endLineNumber - 1]!.length + 1);
          expect(m.start <= m.end && m.end <= text.length, where).toBe(true);
          expect(text.slice(m.start, m.end).trim(), where).toBe(text.slice(m.start, m.end));
        }
        for (const d of [...result.allErrors, ...result.warnings]) {
          if (d.start === undefined || d.line === null || d.file !== name) continue;
          const m = ms.find((x) => x.message === d.message && x.code === d.code && d.start! <= x.start && x.end <= d.end!);
          if (d.code === 'first-setting-not-version' && m === undefined) continue;
          expect(m, `${name} ${version}: ${d.message}`).toBeDefined();
          if (m === undefined) continue;
          expect(d.line, `${name} ${version}: ${d.message}`).toBeGreaterThanOrEqual(m.startLineNumber);
          expect(d.line, `${name} ${version}: ${d.message}`).toBeLessThanOrEqual(m.endLineNumber);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(20);
  });
});
