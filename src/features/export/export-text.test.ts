/**
 * The export: unit checks of its shape, and a differential run over the
 * shared corpus where the real doveconf (scripts/doveconf) judges every
 * export, included from a standard dovecot.conf: its verdict and warnings
 * must be the ones the export panel shows. The differential part is skipped
 * with a message when the corpus or the doveconf cache is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig, detectVersion, type DovecotVersion } from '../../core/index.ts';
import { corpusConfigs, findCorpus } from '../../core/testing/corpus.ts';
import { parseDoveconfStderr } from '../../core/testing/doveconf-output.ts';
import { passwdLookup } from '../../core/testing/passwd.ts';
import { buildExport, checkExport, EXPORT_FILE_NAME, type ExportForm } from './export-text.ts';

const HEAD_24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n';
const SAMPLE = `# our tuning
protocols = imap lmtp
default_client_limit = 2000
service imap-login {
  # more logins for the web mail
  process_limit = 500
  inet_listener imap {
  }
  inet_listener imap-proxy {
    port = 10143
    haproxy = yes
  }
}
service imap {
}
service auth {
  client_limit = 3000 # doubled
  service_count = 0
}
`;

describe('buildExport', () => {
  it('writes the changed settings only, like doveconf -n, without comments or empty built-in blocks', () => {
    const r = buildExport({ text: SAMPLE, version: '2.3', fileName: 'dovecot.conf' }, 'changed', '2.3');
    const body = r.text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(body).toBe([
      'default_client_limit = 2000',
      '',
      'service imap-login {',
      '  process_limit = 500',
      '  inet_listener imap-proxy {',
      '    port = 10143',
      '    haproxy = yes',
      '  }',
      '}',
      '',
      'service auth {',
      '  client_limit = 3000',
      '  service_count = 0',
      '}',
      '',
    ].join('\n'));
    expect(r.notes).toEqual([{ line: 0, kind: 'left-out', message: 'protocols is not part of 10-master.conf: it stays in dovecot.conf' }]);
    expect(r.check.errors).toEqual([]);
  });

  it('converts to 2.4 with the core and leaves the version lines to dovecot.conf', () => {
    const r = buildExport({ text: SAMPLE, version: '2.3', fileName: 'dovecot.conf' }, 'changed', '2.4');
    expect(r.text).toContain('  restart_request_count = unlimited\n');
    expect(r.text).not.toMatch(/^dovecot_(config|storage)_version/m);
    expect(r.notes.map((n) => n.message)).toEqual(expect.arrayContaining([
      'service auth: service_count → restart_request_count = unlimited',
      `dovecot_config_version and dovecot_storage_version left out: Dovecot 2.4 wants them as the first settings of dovecot.conf, not in conf.d/${EXPORT_FILE_NAME}`,
    ]));
    expect(r.notes.some((n) => n.message.startsWith('added the 2.4 version lines'))).toBe(false);
    expect(r.check.wrapper.startsWith(HEAD_24)).toBe(true);
    expect(r.check.errors).toEqual([]);
  });

  it('keeps the whole file as edited, comments and all, minus the 2.4 version lines', () => {
    const text = `${HEAD_24}# keep me\nprotocols = imap\nservice imap-login {\n  process_limit = 7 # seven\n}\n`;
    const r = buildExport({ text, version: '2.4', fileName: 'dovecot.conf' }, 'whole', '2.4');
    expect(r.text).toBe('# keep me\nprotocols = imap\nservice imap-login {\n  process_limit = 7 # seven\n}\n');
  });

  it('reports the errors of the source text and what doveconf will say about the export', () => {
    const text = 'protocols = imap\nservice auth {\n  client_limit = lots\n}\nservice imap-login {\n  process_limit = 5000\n}\n';
    const r = buildExport({ text, version: '2.3', fileName: 'dovecot.conf' }, 'changed', '2.3');
    expect(r.sourceErrors.map((e) => e.message)).toEqual(['Invalid number lots: Not a valid number']);
    expect(r.text).not.toContain('lots');
    expect(r.check.warnings.map((w) => w.code)).toEqual(['auth-client-limit', 'anvil-client-limit']);
  });

  it('quotes values that need it and keeps <file and $variables as written', () => {
    const text = 'service auth {\n  user = $default_internal_user\n  executable = "auth #1"\n}\nservice foo {\n  executable = </etc/x\n}\n';
    const r = buildExport({ text, version: '2.3', fileName: 'dovecot.conf' }, 'changed', '2.3');
    expect(r.text).toContain('  user = $default_internal_user\n');
    expect(r.text).toContain('  executable = "auth #1"\n');
    expect(r.text).toContain('  executable = </etc/x\n');
  });
});

const here = resolve(import.meta.dirname, '../../..');
const doveconf = join(here, 'scripts/doveconf');
const cacheReady = (v: DovecotVersion) => existsSync(join(process.env['DOVECONF_CACHE'] ?? join(here, '.cache/doveconf'), v, '.complete'));

/** Runs the real doveconf on the export included from the check's own wrapper. */
function realDoveconf(target: DovecotVersion, wrapper: string, exported: string) {
  const dir = mkdtempSync(join(tmpdir(), 'export-check-'));
  try {
    mkdirSync(join(dir, 'conf.d'));
    writeFileSync(join(dir, 'dovecot.conf'), wrapper);
    writeFileSync(join(dir, 'conf.d', EXPORT_FILE_NAME), exported);
    let stderr = '';
    let code = 0;
    try {
      execFileSync(doveconf, [target, '-c', 'dovecot.conf', '-n'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    } catch (e) {
      const err = e as { status?: number; stderr?: string };
      code = err.status ?? 1;
      stderr = err.stderr ?? '';
    }
    if (code === 0) {
      stderr = execFileSync('bash', ['-c', `"${doveconf}" ${target} -c dovecot.conf -n 2>&1 >/dev/null`], { cwd: dir, encoding: 'utf8' });
    }
    return { code, verdict: parseDoveconfStderr(stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Full dovecot.conf files whose whole-file check depends on the checker host (as in the core's corpus suite). */
const HOST_DEPENDENT: Readonly<Record<string, string>> = {
  '022-danwin-mail-hosting-dovecot.conf': 'mail_plugin_dir access() on the checker host',
  '027-slimta-15-lda.conf': 'mail_plugin_dir access() on the checker host',
  '034-piratas-elaine-90-stats.conf': 'mail_plugin_dir access() on the checker host',
  '036-evolix-dovecot-1x.conf': 'mail_plugin_dir access() on the checker host',
};

const paths = (s: string) => s.replace(/\S*conf\.d\/10-master\.conf/g, 'conf.d/10-master.conf');

describe('exports judged by the real doveconf (corpus)', () => {
  const corpus = findCorpus();
  if (corpus === null || !cacheReady('2.3') || !cacheReady('2.4')) {
    it.skip('shared corpus or doveconf cache (.cache/doveconf, scripts/fetch-doveconf.sh) absent: differential export tests skipped', () => {});
    return;
  }
  const userExists = passwdLookup();
  for (const { name, text } of corpusConfigs(corpus)) {
    const version = detectVersion(text);
    const source = checkConfig({ path: name, text }, { version });
    if (source.allErrors.length > 0) continue;
    it(`${name} (${version})`, () => {
      for (const form of ['changed', 'whole'] as ExportForm[]) {
        // a whole file with includes or <file values needs files the check does not have
        if (form === 'whole' && (/^\s*!include|=\s*</m.test(text) || HOST_DEPENDENT[name] !== undefined)) continue;
        for (const target of ['2.3', '2.4'] as DovecotVersion[]) {
          const r = buildExport({ text, version, fileName: name }, form, target);
          const check = checkExport(r.text, target, r.check.protocols, { userExists });
          const real = realDoveconf(target, check.wrapper, r.text);
          const label = `${form} → ${target}`;
          expect({ label, error: real.verdict.error?.message ?? null, warnings: real.verdict.warnings.map(paths) }).toEqual({
            label, error: check.errors[0]?.message ?? null, warnings: check.warnings.map((w) => paths(w.message)),
          });
          // a clean source exports to a file doveconf accepts (unless a system user is missing on this host)
          if (form === 'changed' && target === version && check.errors.length === 0) expect({ label, code: real.code }).toEqual({ label, code: 0 });
        }
      }
    });
  }
});
