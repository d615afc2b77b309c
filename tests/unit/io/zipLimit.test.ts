import { describe, expect, it } from 'vitest';
import { unzipEntries, ZipTooLargeError } from '../../../src/core/io/shapefile/unzipEntries';
import { writeZip } from './helpers/writeZip';

const MiB = 1024 * 1024;
const zeros = new Uint8Array(32 * MiB);

describe('zip archives inflate within a limit', () => {
  it('refuses an entry whose declared size passes the limit, before inflating', async () => {
    const [entry] = unzipEntries(writeZip([{ name: 'big.shp', data: zeros, deflate: true }]), 4 * MiB);
    expect(entry.size).toBe(32 * MiB);
    const e = await entry.read().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ZipTooLargeError);
    expect((e as ZipTooLargeError).bytes).toBe(32 * MiB);
  });

  it('stops inflating an entry whose headers lie, just past the limit', async () => {
    const [entry] = unzipEntries(writeZip([{ name: 'liar.shp', data: zeros, deflate: true, declaredSize: 10 }]), 4 * MiB);
    const e = await entry.read().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ZipTooLargeError);
    // it stopped within one stream chunk of the limit, not at 32 MiB
    expect((e as ZipTooLargeError).bytes).toBeGreaterThan(4 * MiB);
    expect((e as ZipTooLargeError).bytes).toBeLessThan(5 * MiB);
  });

  it('shares the limit across the entries of one archive', async () => {
    const three = writeZip([1, 2, 3].map((i) => ({ name: `p${i}.bin`, data: new Uint8Array(2 * MiB), deflate: true })));
    const entries = unzipEntries(three, 5 * MiB);
    expect((await entries[0].read()).length).toBe(2 * MiB);
    expect((await entries[1].read()).length).toBe(2 * MiB);
    await expect(entries[2].read()).rejects.toBeInstanceOf(ZipTooLargeError);
    // without a limit everything reads
    expect((await unzipEntries(three)[2].read()).length).toBe(2 * MiB);
  });
});
