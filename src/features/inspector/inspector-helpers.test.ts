import { describe, expect, it } from 'vitest';
import { catalogFor, checkConfig, parseConfig } from '../../core/index.ts';
import { fieldProblems, isListenerProblem } from './field-problems.ts';
import { describeSource, effectivePlaceholder } from './value-source.ts';
import { writtenInBlock } from './written-values.ts';

const V24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap\n';

describe('written values', () => {
  it('reads what the text says, even values doveconf rejects; the last of merged blocks wins', () => {
    const text = `${V24}service imap-login {\n  process_limit = 12x\n}\nservice imap-login {\n  client_limit = 5\n  client_limit = 6\n  inet_listener imap {\n    port = 99999\n  }\n}\n`;
    const doc = parseConfig(text, '2.4').doc;
    const w = writtenInBlock(doc, { service: 'imap-login' });
    expect(w.get('process_limit')).toEqual({ value: '12x', line: 5 });
    expect(w.get('client_limit')).toEqual({ value: '6', line: 9 });
    expect(writtenInBlock(doc, { service: 'imap-login', listener: { kind: 'inet_listener', name: 'imap' } }).get('port')).toEqual({ value: '99999', line: 11 });
  });
});

describe('problems next to fields', () => {
  const text = `${V24}service imap-login {\n  process_limit = 12x\n  inet_listener imap {\n    port = 99999\n  }\n}\n`;
  const diags = checkConfig({ path: 'd.conf', text }).allErrors;

  it('a stage-A message goes to the field on its line', () => {
    expect(fieldProblems(diags, 'imap-login', 'process_limit', 5)).toEqual(['process_limit: Invalid number 12x: Not a valid number']);
    expect(fieldProblems(diags, 'imap-login', 'process_limit', 6)).toEqual([]);
    expect(fieldProblems(diags, 'imap-login', 'port', 7)).toEqual(['port: Invalid port number 99999']);
    const port = diags.find((d) => d.message.startsWith('port:'))!;
    expect(isListenerProblem(port, 'imap-login', 'inet_listener', new Map([['port', 7]]), 6)).toBe(true);
  });

  it('a stage-B message loses its service(NAME) prefix and goes to its setting', () => {
    const b = checkConfig({ path: 'd.conf', text: `${V24}service imap {\n  process_min_avail = 2000\n}\n` }).allErrors;
    expect(fieldProblems(b, 'imap', 'process_min_avail', 5)).toEqual(['process_min_avail is higher than process_limit']);
    expect(fieldProblems(b, 'imap', 'process_limit', undefined)).toEqual([]);
  });
});

describe('value sources', () => {
  it('2.4: built-in, default_* and root service_* sources in words', () => {
    const r = checkConfig({ path: 'd.conf', text: `${V24}service_client_limit = 2000\n` });
    const cat = catalogFor('2.4');
    const login = r.resolved.services.find((s) => s.name === 'imap-login')!;
    const def = (k: string) => cat.serviceSetting(k)!;
    expect(describeSource(login.values['process_limit'], def('process_limit'), r.resolved)).toBe('from default_process_limit (Dovecot default)');
    expect(effectivePlaceholder(login.values['process_limit'], def('process_limit'), r.resolved)).toBe('100');
    expect(describeSource(login.values['client_limit'], def('client_limit'), r.resolved)).toBe('from root service_client_limit · line 4');
    expect(describeSource(login.values['restart_request_count'], def('restart_request_count'), r.resolved)).toBe('built-in default of this service');
    expect(effectivePlaceholder(login.values['user'], def('user'), r.resolved)).toBe('dovenull');
  });

  it('2.3: the 0 sentinel names the global it stands for and shows its value', () => {
    const r = checkConfig({ path: 'd.conf', text: 'protocols = imap\ndefault_process_limit = 50\n' });
    const cat = catalogFor('2.3');
    const login = r.resolved.services.find((s) => s.name === 'imap-login')!;
    const pl = cat.serviceSetting('process_limit')!;
    expect(describeSource(login.values['process_limit'], pl, r.resolved)).toBe('0 means default_process_limit (set in this file · line 2)');
    expect(effectivePlaceholder(login.values['process_limit'], pl, r.resolved)).toBe('50');
  });
});
