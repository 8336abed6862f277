import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHelpers } from './helpers';
import { lddSections, rootFiles, RootFilesError, sharedLibraries } from './root-files';

describe('live root files', () => {
  const two = '/bin/a:\n\tlinux-vdso.so.1 (0x1)\n\tlibc.so.6 => /lib/libc.so.6 (0x2)\n/bin/b:\n\tlibm.so.6 => /lib/libm.so.6 (0x3)\n';

  it("should cut one ldd's output into each binary's part", () => {
    assert.deepEqual(lddSections(two, ['/bin/a', '/bin/b']), ['\tlinux-vdso.so.1 (0x1)\n\tlibc.so.6 => /lib/libc.so.6 (0x2)', '\tlibm.so.6 => /lib/libm.so.6 (0x3)\n']);
    assert.deepEqual(lddSections('\tlibc.so.6 => /lib/libc.so.6 (0x2)\n', ['/bin/a']), ['\tlibc.so.6 => /lib/libc.so.6 (0x2)\n']);
  });

  it('should refuse output without a part for every binary, or out of order', () => {
    assert.throws(() => lddSections(two, ['/bin/a', '/bin/c']), RootFilesError);
    assert.throws(() => lddSections(two, ['/bin/b', '/bin/a']), RootFilesError);
  });

  it('should find the same libraries with one ldd as with one per binary', () => {
    const files = rootFiles(buildHelpers());
    const binaries = files.filter((f) => f.target.startsWith('bin/'));
    const oneEach = new Set(binaries.flatMap((b) => sharedLibraries(b.source).map((l) => l.target)));
    assert.deepEqual(new Set(files.filter((f) => !f.target.startsWith('bin/')).map((f) => f.target)), oneEach);
    assert.ok(oneEach.size > 0, 'the binaries load some library');
  });
});
