import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readInputFile, readInputFileAsync } from '../../scripts/cli/readInputFile';
import { UserError } from '../../scripts/cli/userError';

describe('the CLI reads its input files (in the background, with the same messages)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lc-read-'));
  const file = path.join(dir, '小区.geojson');
  const bytes = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}\n'.repeat(5000));
  writeFileSync(file, bytes);

  it('gives the same bytes as the synchronous read', async () => {
    const a = await readInputFileAsync(file, '--communities', 'en');
    expect(a.byteLength).toBe(bytes.byteLength);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(readInputFile(file, '--communities', 'en')))).toBe(0);
  });

  it('rejects a missing file and a directory with the messages of the synchronous read', async () => {
    for (const f of [path.join(dir, 'nope.geojson'), dir]) {
      let sync: unknown, async: unknown;
      try {
        readInputFile(f, '--network', 'zh-CN');
      } catch (e) {
        sync = e;
      }
      await readInputFileAsync(f, '--network', 'zh-CN').catch((e) => (async = e));
      expect(async).toBeInstanceOf(UserError);
      expect((async as Error).message).toBe((sync as Error).message);
      expect((async as Error).message).toContain('--network');
    }
  });
});
