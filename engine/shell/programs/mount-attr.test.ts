import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AT_EMPTY_PATH, AT_FDCWD, AT_RECURSIVE, MOVE_MOUNT_BENEATH, MOVE_MOUNT_F_EMPTY_PATH, MOVE_MOUNT_T_EMPTY_PATH, MOVE_MOUNT_T_SYMLINKS, MS_SHARED, OPEN_TREE_CLONE } from '../../kernel/constants';
import { mountSetattrArgs, openTreeAttrArgs, parseMountAttrSpec } from './mount-attr';
import { moveMountArgs } from './mount-helpers';

// The argument grammar of our C helpers (engine/live/helpers/mount_attr.h,
// mount_setattr.c, open_tree_attr.c, move_mount.c), as the model reads it.

describe('the SPEC of mount_setattr and open_tree_attr', () => {
  it('should write struct mount_attr out item by item', () => {
    assert.deepEqual(parseMountAttrSpec('+ro,-nosuid,-atime,+noatime,shared,+idmap:5'), {
      attr: { attr_set: 0x1 | 0x10 | 0x100000, attr_clr: 0x2 | 0x70, propagation: MS_SHARED, userns_fd: 5 },
    });
    assert.deepEqual(parseMountAttrSpec('-'), { attr: null });
    assert.deepEqual(parseMountAttrSpec('+0xffffffff'), { attr: { attr_set: 0xffffffff, attr_clr: 0, propagation: 0, userns_fd: 0 } });
  });

  it('should refuse what the C parser refuses: unknown words, +atime, signs and long numbers', () => {
    for (const bad of ['ro', '+bogus', '+atime', '+0x', '+0x-1', '+0x123456789', '+idmap:', '+idmap:-1', '+idmap:12345678901', '+idmap']) {
      assert.equal(parseMountAttrSpec(bad), null, bad);
    }
  });

  it('should read mount_setattr\'s options and operands, -e turning PATH into an fd', () => {
    assert.deepEqual(mountSetattrArgs(['mount_setattr', '-r', '-s', '40', '/mnt', '+ro']), {
      dfd: AT_FDCWD, path: '/mnt', flags: AT_RECURSIVE, size: 40, attr: { attr_set: 1, attr_clr: 0, propagation: 0, userns_fd: 0 },
    });
    assert.equal(mountSetattrArgs(['mount_setattr', '-e', '3'])?.flags, AT_EMPTY_PATH);
    assert.equal(mountSetattrArgs(['mount_setattr', '-e', '3'])?.dfd, 3);
    for (const bad of [['mount_setattr'], ['mount_setattr', '-e', 'x'], ['mount_setattr', '-s', '9000', '/'], ['mount_setattr', '-q', '/'], ['mount_setattr', '/', '+ro', 'extra']]) {
      assert.equal(mountSetattrArgs(bad), null, bad.join(' '));
    }
  });

  it('should read open_tree_attr like open_tree, with a size of 0 for a NULL struct unless -s says otherwise', () => {
    assert.deepEqual(openTreeAttrArgs(['open_tree_attr', '-c', '3', '-', 'sh']), { fd: 3, flags: AT_EMPTY_PATH | OPEN_TREE_CLONE, size: 0, attr: null, command: ['sh'] });
    assert.equal(openTreeAttrArgs(['open_tree_attr', '-s', '32', '3', '-', 'sh'])?.size, 32);
    assert.equal(openTreeAttrArgs(['open_tree_attr', '3', '+ro']), null);
  });
});

describe('move_mount\'s options', () => {
  it('should take FROM as an fd and TO as a path, unless -p and -t say otherwise', () => {
    assert.deepEqual(moveMountArgs(['move_mount', '3', '/mnt']), { fromDfd: 3, fromPath: '', toDfd: AT_FDCWD, toPath: '/mnt', flags: MOVE_MOUNT_F_EMPTY_PATH });
    assert.deepEqual(moveMountArgs(['move_mount', '-p', '-t', '--beneath', '--t-symlinks', '/a', '4']), {
      fromDfd: AT_FDCWD, fromPath: '/a', toDfd: 4, toPath: '', flags: MOVE_MOUNT_T_EMPTY_PATH | MOVE_MOUNT_BENEATH | MOVE_MOUNT_T_SYMLINKS,
    });
    assert.equal(moveMountArgs(['move_mount', '-F', '400', '3', '/mnt'])?.flags, MOVE_MOUNT_F_EMPTY_PATH | 0x400);
    for (const bad of [['move_mount', '/a', '/b'], ['move_mount', '-t', '3', '/b'], ['move_mount', '-F', 'zz', '3', '/b'], ['move_mount', '3'], ['move_mount', '--below', '3', '/b']]) {
      assert.equal(moveMountArgs(bad), null, bad.join(' '));
    }
  });
});
