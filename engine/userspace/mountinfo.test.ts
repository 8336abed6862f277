import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMountinfo, parseMountinfoLine, unmangle } from './mountinfo';

describe('mountinfo reader', () => {
  it('reads every field of a line, optional fields included', () => {
    const entry = parseMountinfoLine('36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue');
    assert.deepEqual(entry, {
      id: '36', parent: '35', dev: '98:0', root: '/mnt1', mountPoint: '/mnt2', mountOptions: 'rw,noatime',
      optionalFields: ['master:1', 'shared:2'], fsType: 'ext3', source: '/dev/root', superOptions: 'rw,errors=continue',
    });
  });

  it("decodes the kernel's octal escapes for space, tab, newline and backslash", () => {
    const [entry] = parseMountinfo('40 30 0:5 /a\\134b /mnt/a\\040b\\011c\\012d rw - tmpfs my\\040src rw\n');
    assert.equal(entry!.root, '/a\\b');
    assert.equal(entry!.mountPoint, '/mnt/a b\tc\nd');
    assert.equal(entry!.source, 'my src');
    assert.equal(unmangle('\\134040'), '\\040'); // one pass: a decoded backslash starts nothing
  });

  it('skips blank and malformed lines; a line with no optional fields has none', () => {
    const entries = parseMountinfo('\n1 0 0:1 / / rw - tmpfs none rw\nnot a line\n');
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]!.optionalFields, []);
  });
});
