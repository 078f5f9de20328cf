import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash } from './share-link.ts';

describe('share link', () => {
  it('round-trips text, version and name, including non-ASCII and markup', () => {
    const config = { text: 'protocols = imap\n# Grüße <script>alert(1)</script>\nservice "a b" {\n}\n', version: '2.3' as const, fileName: 'dovecot.conf' };
    const hash = encodeShareHash(config);
    expect(hash).toMatch(/^#config=[A-Za-z0-9_-]+$/);
    expect(decodeShareHash(hash)).toEqual({ ok: true, config });
  });

  it('compresses repetitive configurations', () => {
    const text = 'service imap-login {\n  process_limit = 100\n}\n'.repeat(2000);
    expect(encodeShareHash({ text, version: '2.4', fileName: 'x' }).length).toBeLessThan(text.length / 20);
  });

  it('ignores other hashes and reports a damaged one', () => {
    expect(decodeShareHash('')).toBeNull();
    expect(decodeShareHash('#section')).toBeNull();
    const bad = decodeShareHash('#config=AAAA');
    expect(bad?.ok).toBe(false);
  });
});
