import { describe, expect, it } from 'vitest';
import { applyEdits, checkConfig, parseConfig, type DovecotVersion } from '../../core/index.ts';
import { completions } from './completion.ts';
import { hoverAt } from './hover.ts';
import { diagnosticMarkers } from './markers.ts';
import { quickFixes } from './quick-fixes.ts';

const HEAD_24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n';

function setup(text: string, version: DovecotVersion) {
  return { doc: parseConfig(text, version).doc, result: checkConfig({ path: 'dovecot.conf', text }, { version }) };
}

/** Completions at the `|` of a text. */
function complete(marked: string, version: DovecotVersion): string[] {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const { doc, result } = setup(text, version);
  const lineBefore = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return completions(doc, result, offset, lineBefore).map((c) => c.label);
}

describe('completions', () => {
  it('offers service keys and listener sections inside a service block, for the chosen version', () => {
    const in23 = complete('protocols = imap\nservice imap-login {\n  |\n}\n', '2.3');
    expect(in23).toEqual(expect.arrayContaining(['process_limit', 'client_limit', 'service_count', 'idle_kill', 'inet_listener', 'unix_listener']));
    expect(in23).not.toContain('restart_request_count');
    const in24 = complete(`${HEAD_24}protocols = imap\nservice imap-login {\n  proc|\n}\n`, '2.4');
    expect(in24).toEqual(expect.arrayContaining(['process_limit', 'restart_request_count', 'idle_kill_interval']));
    expect(in24).not.toContain('service_count');
    expect(in24).not.toContain('mail_location');
  });

  it('offers listener keys by kind', () => {
    const inet = complete('service imap-login {\n  inet_listener imap {\n    |\n  }\n}\n', '2.3');
    expect(inet).toEqual(expect.arrayContaining(['port', 'address', 'ssl', 'haproxy']));
    expect(inet).not.toContain('mode');
    const unix = complete('service auth {\n  unix_listener auth-userdb {\n    |\n  }\n}\n', '2.3');
    expect(unix).toEqual(expect.arrayContaining(['mode', 'user', 'group']));
    expect(unix).not.toContain('port');
  });

  it('offers sections and globals at the root, with 2.4 root service_* keys', () => {
    const root = complete(`${HEAD_24}|\n`, '2.4');
    expect(root).toEqual(expect.arrayContaining(['service', 'protocol', 'default_process_limit', 'service_process_limit']));
    const root23 = complete('|\n', '2.3');
    expect(root23).toContain('default_idle_kill');
    expect(root23).not.toContain('service_process_limit');
  });

  it('offers enum and boolean values and the built-in service names', () => {
    expect(complete('service foo {\n  type = |\n}\n', '2.3')).toEqual(['log', 'config', 'anvil', 'login', 'startup', 'worker']);
    expect(complete('service foo {\n  drop_priv_before_exec = |\n}\n', '2.3')).toEqual(['yes', 'no']);
    expect(complete(`${HEAD_24}service foo {\n  process_limit = |\n}\n`, '2.4')).toEqual(['unlimited']);
    const names = complete('service imap-l|', '2.3');
    expect(names).toEqual(expect.arrayContaining(['imap-login', 'auth', 'anvil']));
  });
});

describe('hover', () => {
  it('documents a service setting with its effective value', () => {
    const text = 'default_process_limit = 50\nservice imap-login {\n  process_limit = 5\n}\nservice imap-login {\n  process_limit = 7\n}\n';
    const { doc, result } = setup(text, '2.3');
    const h = hoverAt(doc, result, text.indexOf('  process_limit = 5') + 5)!;
    expect(h.contents[0]).toBe('**process_limit** · service setting · uint (processes)');
    expect(text.slice(h.start, h.end)).toBe('process_limit');
    expect(h.contents[h.contents.length - 1]).toBe('Effective: `7`, written again on line 6 (the last one wins).');
    const last = hoverAt(doc, result, text.indexOf('  process_limit = 7') + 5)!;
    expect(last.contents.some((c) => c.startsWith('Effective'))).toBe(false);
    const g = hoverAt(doc, result, 2)!;
    expect(g.contents[0]).toBe('**default_process_limit** · global · uint');
  });

  it('describes a service from its header line', () => {
    const text = 'protocols = imap\nservice imap-login {\n  process_limit = 5\n}\n';
    const { doc, result } = setup(text, '2.3');
    const h = hoverAt(doc, result, text.indexOf('imap-login') + 2)!;
    expect(h.contents[0]).toBe('**service imap-login** · built-in · type login');
    expect(h.contents.join('\n')).toContain('process_limit 5 × 1 client(s) per process = at most 5 connections');
    expect(text.slice(h.start, h.end)).toBe('service imap-login');
  });
});

describe('quick fixes', () => {
  it('raises auth client_limit to the required number, keeping the comment', () => {
    const text = 'protocols = imap\nservice imap-login {\n  process_limit = 5000\n}\nservice auth {\n  client_limit = 100 # tuned\n}\n';
    const { doc, result } = setup(text, '2.3');
    const marker = diagnosticMarkers(result, text).find((m) => m.code === 'auth-client-limit')!;
    const [fix] = quickFixes(marker, doc, result);
    expect(fix!.title).toBe(`Set auth client_limit = ${result.budgets.auth.required}`);
    const fixed = applyEdits(text, fix!.edits);
    expect(fixed).toContain(`client_limit = ${result.budgets.auth.required} # tuned`);
    const after = checkConfig({ path: 'dovecot.conf', text: fixed }, { version: '2.3' });
    expect(after.warnings.some((w) => w.code === 'auth-client-limit')).toBe(false);
  });

  it('renames 2.3 keys refused by 2.4 until doveconf accepts the file', () => {
    let text = `${HEAD_24}protocols = imap\ndefault_idle_kill = 1 min\nservice imap-login {\n  service_count = 0\n  idle_kill = 0\n  inet_listener imap {\n    address = 127.0.0.1, ::1\n  }\n}\n`;
    const titles: string[] = [];
    for (let i = 0; i < 10; i++) {
      const { doc, result } = setup(text, '2.4');
      const m = diagnosticMarkers(result, text).find((x) => x.code === 'unknown-setting');
      if (m === undefined) break;
      const [fix] = quickFixes(m, doc, result);
      expect(fix, m.message).toBeDefined();
      titles.push(fix!.title);
      text = applyEdits(text, fix!.edits);
    }
    expect(titles).toHaveLength(4);
    expect(text).toContain('restart_request_count = unlimited');
    expect(text).toContain('listen = 127.0.0.1 ::1');
    expect(text).toContain('default_idle_kill_interval = 1 min');
    expect(text).not.toContain('idle_kill = 0');
    expect(checkConfig({ path: 'dovecot.conf', text }, { version: '2.4' }).allErrors).toEqual([]);
  });

  it('renames 2.4 keys refused by 2.3', () => {
    let text = 'protocols = imap\nservice imap-login {\n  restart_request_count = unlimited\n  inet_listener imap {\n    listen = 127.0.0.1 ::1\n  }\n}\n';
    for (let i = 0; i < 5; i++) {
      const { doc, result } = setup(text, '2.3');
      const m = diagnosticMarkers(result, text).find((x) => x.code === 'unknown-setting');
      if (m === undefined) break;
      text = applyEdits(text, quickFixes(m, doc, result)[0]!.edits);
    }
    expect(text).toContain('service_count = 0');
    expect(text).toContain('address = 127.0.0.1, ::1');
    expect(checkConfig({ path: 'dovecot.conf', text }, { version: '2.3' }).allErrors).toEqual([]);
  });

  it('offers nothing for an unknown key that is no rename', () => {
    const text = 'service auth {\n  bogus = 1\n}\n';
    const { doc, result } = setup(text, '2.3');
    const m = diagnosticMarkers(result, text)[0]!;
    expect(quickFixes(m, doc, result)).toEqual([]);
  });
});
