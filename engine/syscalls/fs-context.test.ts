import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AT_FDCWD, CLONE_NEWNS, CLONE_NEWUSER, FSCONFIG_CMD_CREATE, FSCONFIG_CMD_RECONFIGURE, FSCONFIG_SET_FLAG, FSCONFIG_SET_STRING, LISTMOUNT_REVERSE, LSMT_ROOT,
  MOUNT_ATTR_NOATIME, MOUNT_ATTR_RDONLY, MOUNT_ATTR_STRICTATIME, MOVE_MOUNT_F_EMPTY_PATH, STATMOUNT_MNT_BASIC, STATMOUNT_MNT_OPTS,
  STATMOUNT_MNT_POINT, STATX_MNT_ID_UNIQUE,
} from '../kernel/constants';
import { FS_PARAMETERS, memparse } from '../fs/fs-parameters';
import { DIALECT_KEYS } from '../shell/programs/fsconfig';
import { renderMountinfo } from '../observe/mountinfo';
import { bindSyscalls } from './index';
import { ModelSession } from '../shell/session';

function boot(variant: 'v12' | 'mainline' = 'mainline') {
  const session = new ModelSession(variant);
  return { session, sys: bindSyscalls(session.kernel, session.topTask) };
}

const set = (fd: number, key: string, value: string) => ({ fd, cmd: FSCONFIG_SET_STRING, key, value, aux: 0 });
const cmd = (fd: number, c: number) => ({ fd, cmd: c, key: null, value: null, aux: 0 });

/** fsread: every message left in the context's log. */
function drain(sys: ReturnType<typeof boot>['sys'], fd: number): string[] {
  const out: string[] = [];
  for (let r = sys.read({ fd }); r.ok; r = sys.read({ fd })) out.push(r.value as string);
  return out;
}

describe('fsopen, fsconfig, fsmount on the model (6.18)', () => {
  it('should mount a configured tmpfs where move_mount puts it, with its options in mountinfo', () => {
    const { session, sys } = boot();
    const fc = sys.fsopen({ fsName: 'tmpfs', flags: 0 });
    assert.ok(fc.ok);
    assert.ok(sys.fsconfig(set(fc.value, 'size', '1M')).ok);
    assert.ok(sys.fsconfig(set(fc.value, 'mode', '700')).ok);
    assert.ok(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_CREATE)).ok);
    const mnt = sys.fsmount({ fd: fc.value, flags: 0, attrFlags: MOUNT_ATTR_RDONLY });
    assert.ok(mnt.ok);
    assert.ok(sys.move_mount({ fromDfd: mnt.value, fromPath: '', toDfd: AT_FDCWD, toPath: '/mnt', flags: MOVE_MOUNT_F_EMPTY_PATH }).ok);
    assert.match(renderMountinfo(session.topTask), / \/mnt ro,relatime - tmpfs none rw,size=1024k,mode=700\n$/);
  });

  it('should refuse each command in the wrong phase with EBUSY, and fsmount before create with EINVAL', () => {
    const { sys } = boot();
    const fc = sys.fsopen({ fsName: 'tmpfs', flags: 0 });
    assert.ok(fc.ok);
    assert.deepEqual(sys.fsmount({ fd: fc.value, flags: 0, attrFlags: 0 }), { ok: false, errno: 'EINVAL' });
    assert.deepEqual(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_RECONFIGURE)), { ok: false, errno: 'EBUSY' });
    assert.ok(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_CREATE)).ok);
    assert.deepEqual(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_CREATE)), { ok: false, errno: 'EBUSY' });
    assert.deepEqual(sys.fsconfig(set(fc.value, 'size', '2M')), { ok: false, errno: 'EBUSY' });
    assert.ok(sys.fsmount({ fd: fc.value, flags: 0, attrFlags: 0 }).ok);
    assert.deepEqual(sys.fsmount({ fd: fc.value, flags: 0, attrFlags: 0 }), { ok: false, errno: 'EBUSY' });
  });

  it('should keep the last 8 messages, one per read, then ENODATA', () => {
    const { sys } = boot();
    const fc = sys.fsopen({ fsName: 'tmpfs', flags: 0 });
    assert.ok(fc.ok);
    for (let i = 1; i <= 10; i++) assert.deepEqual(sys.fsconfig(set(fc.value, `k${i}`, 'x')), { ok: false, errno: 'EINVAL' });
    const messages = drain(sys, fc.value);
    assert.equal(messages.length, 8);
    assert.equal(messages[0], "e tmpfs: Unknown parameter 'k3'\n");
    assert.deepEqual(sys.read({ fd: fc.value }), { ok: false, errno: 'ENODATA' });
  });

  it('should log a bad uid twice, a second source and a flag source once, and take ro with any value', () => {
    const { sys } = boot();
    const fc = sys.fsopen({ fsName: 'tmpfs', flags: 0 });
    assert.ok(fc.ok);
    assert.ok(!sys.fsconfig(set(fc.value, 'uid', 'x')).ok);
    assert.ok(sys.fsconfig(set(fc.value, 'source', 'a')).ok);
    assert.ok(!sys.fsconfig(set(fc.value, 'source', 'b')).ok);
    assert.ok(!sys.fsconfig({ fd: fc.value, cmd: FSCONFIG_SET_FLAG, key: 'source', value: null, aux: 0 }).ok);
    assert.ok(sys.fsconfig(set(fc.value, 'ro', 'anything')).ok);
    assert.deepEqual(drain(sys, fc.value), ["e tmpfs: Bad value for 'uid'\n", "e tmpfs: Bad value for 'uid'\n", 'e Multiple sources\n', 'e Non-string source\n']);
  });

  it('should check fsmount flags before the fd: two atime modes EINVAL, a bad fd EBADF, a non-context fd EINVAL', () => {
    const { sys } = boot();
    assert.deepEqual(sys.fsmount({ fd: 99, flags: 0, attrFlags: MOUNT_ATTR_NOATIME | MOUNT_ATTR_STRICTATIME }), { ok: false, errno: 'EINVAL' });
    assert.deepEqual(sys.fsmount({ fd: 99, flags: 0, attrFlags: 0 }), { ok: false, errno: 'EBADF' });
    assert.deepEqual(sys.fsmount({ fd: 0, flags: 0, attrFlags: 0 }), { ok: false, errno: 'EINVAL' });
    assert.deepEqual(sys.fsconfig(cmd(0, FSCONFIG_CMD_CREATE)), { ok: false, errno: 'EINVAL' });
    assert.deepEqual(sys.fsopen({ fsName: 'ext4', flags: 0 }), { ok: false, errno: 'ENODEV' });
  });

  it('should be ENOSYS on the ver #12 variants', () => {
    const { sys } = boot('v12');
    assert.deepEqual(sys.fsopen({ fsName: 'tmpfs', flags: 0 }), { ok: false, errno: 'ENOSYS' });
    assert.deepEqual(sys.statmount({ req: { mnt_id: LSMT_ROOT, param: 0n, mnt_ns_id: 0n }, flags: 0 }), { ok: false, errno: 'ENOSYS' });
  });
});

describe('fspick on the model (6.18)', () => {
  it('should reconfigure a mounted tmpfs, refuse a non-root path, and fail for good on a refused reconfiguration', () => {
    const { session, sys } = boot();
    assert.deepEqual(sys.fspick({ dfd: AT_FDCWD, path: '/proc/self', flags: 0 }), { ok: false, errno: 'EINVAL' });
    const fc = sys.fspick({ dfd: AT_FDCWD, path: '/mnt', flags: 0 });
    assert.ok(fc.ok);
    assert.deepEqual(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_CREATE)), { ok: false, errno: 'EBUSY' });
    assert.ok(sys.fsconfig(set(fc.value, 'nr_inodes', '1')).ok);
    assert.ok(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_RECONFIGURE)).ok);
    assert.match(renderMountinfo(session.topTask), / \/mnt rw,relatime - tmpfs none rw,nr_inodes=1\n/);
    assert.deepEqual(sys.mkdirat({ path: '/mnt/d' }), { ok: false, errno: 'ENOSPC' });
    assert.ok(sys.fsconfig(set(fc.value, 'size', '0')).ok);
    assert.ok(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_RECONFIGURE)).ok);
    assert.ok(sys.fsconfig(set(fc.value, 'size', '1M')).ok);
    assert.deepEqual(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_RECONFIGURE)), { ok: false, errno: 'EINVAL' });
    assert.deepEqual(drain(sys, fc.value), ['e tmpfs: Cannot retroactively limit size\n']);
    assert.deepEqual(sys.fsconfig(set(fc.value, 'size', '2M')), { ok: false, errno: 'EBUSY' });
  });
});

describe('statmount and listmount on the model (6.18)', () => {
  it('should name a mount by its unique id, and list the mounts below one in id order or reversed', () => {
    const { sys } = boot();
    assert.ok(sys.mkdirat({ path: '/mnt/a' }).ok && sys.mkdirat({ path: '/mnt/b' }).ok);
    assert.ok(sys.mount({ source: 'none', target: '/mnt/a', fstype: 'tmpfs', flags: 0 }).ok);
    assert.ok(sys.mount({ source: 'none', target: '/mnt/b', fstype: 'tmpfs', flags: 0 }).ok);
    const id = sys.statx({ dfd: AT_FDCWD, path: '/mnt', flags: 0, mask: STATX_MNT_ID_UNIQUE });
    assert.ok(id.ok);
    const sm = sys.statmount({ req: { mnt_id: id.value.stx_mnt_id, param: BigInt(STATMOUNT_MNT_BASIC | STATMOUNT_MNT_POINT | STATMOUNT_MNT_OPTS), mnt_ns_id: 0n }, flags: 0 });
    assert.ok(sm.ok);
    assert.equal(sm.value.mnt_point, '/mnt');
    assert.equal(sm.value.mnt_opts, undefined); // a default tmpfs shows no options
    const below = sys.listmount({ req: { mnt_id: id.value.stx_mnt_id, param: 0n, mnt_ns_id: 0n }, nrMntIds: 10, flags: 0 });
    const reversed = sys.listmount({ req: { mnt_id: id.value.stx_mnt_id, param: 0n, mnt_ns_id: 0n }, nrMntIds: 10, flags: LISTMOUNT_REVERSE });
    assert.ok(below.ok && reversed.ok);
    assert.equal(below.value.length, 2);
    assert.deepEqual(reversed.value, [...below.value].reverse());
    const after = sys.listmount({ req: { mnt_id: id.value.stx_mnt_id, param: below.value[0]!, mnt_ns_id: 0n }, nrMntIds: 10, flags: 0 });
    assert.deepEqual(after, { ok: true, value: [below.value[1]] });
  });

  it('should refuse ids at or below the offset (EINVAL) and unknown ones (ENOENT)', () => {
    const { sys } = boot();
    assert.deepEqual(sys.statmount({ req: { mnt_id: 1n, param: 0n, mnt_ns_id: 0n }, flags: 0 }), { ok: false, errno: 'EINVAL' });
    assert.deepEqual(sys.statmount({ req: { mnt_id: 99999999999n, param: 0n, mnt_ns_id: 0n }, flags: 0 }), { ok: false, errno: 'ENOENT' });
    assert.deepEqual(sys.listmount({ req: { mnt_id: LSMT_ROOT, param: 5n, mnt_ns_id: 0n }, nrMntIds: 1, flags: 0 }), { ok: false, errno: 'EINVAL' });
  });
});

describe('memparse', () => {
  it('should read decimal, octal and hex with a size suffix, and leave what it cannot read', () => {
    assert.deepEqual(memparse('1M'), { value: 1n << 20n, rest: '' });
    assert.deepEqual(memparse('010'), { value: 8n, rest: '' });
    assert.deepEqual(memparse('0x1000'), { value: 4096n, rest: '' });
    assert.deepEqual(memparse('08'), { value: 0n, rest: '8' });
    assert.deepEqual(memparse('1X'), { value: 1n, rest: 'X' });
  });
});

describe("fsconfig's keys in the dialect", () => {
  it('should name every parameter tmpfs and proc take, and nothing they do not besides source, ro, rw and foo', () => {
    const known = [...FS_PARAMETERS.tmpfs, ...FS_PARAMETERS.proc];
    assert.deepEqual([...DIALECT_KEYS].filter((k) => !known.includes(k)).sort(), ['foo', 'ro', 'rw', 'source']);
    assert.deepEqual(known.filter((k) => !DIALECT_KEYS.includes(k)), []);
  });
});

describe('fsconfig and fsmount on an O_PATH fd', () => {
  it('should be EBADF, as fdget() refuses O_PATH files (found by the fuzzer)', () => {
    const { sys } = boot();
    const fd = sys.open_tree({ dfd: AT_FDCWD, path: '/mnt', flags: 0 });
    assert.ok(fd.ok);
    assert.deepEqual(sys.fsconfig(set(fd.value, 'size', '1M')), { ok: false, errno: 'EBADF' });
    assert.deepEqual(sys.fsmount({ fd: fd.value, flags: 0, attrFlags: 0 }), { ok: false, errno: 'EBADF' });
  });
});

describe('CMD_CREATE asks the caller, not the opener (mount_capable)', () => {
  it('should refuse a tmpfs context opened in the initial user namespace to a task that has since entered a new one (found by the fuzzer)', () => {
    const { sys } = boot();
    const fc = sys.fsopen({ fsName: 'tmpfs', flags: 0 });
    assert.ok(fc.ok);
    assert.ok(sys.unshare({ flags: CLONE_NEWUSER | CLONE_NEWNS }).ok);
    assert.deepEqual(sys.fsconfig(cmd(fc.value, FSCONFIG_CMD_CREATE)), { ok: false, errno: 'EPERM' });
  });
});

describe('read() on an nsfs fd', () => {
  it('should be EINVAL, as the live kernel answers fsread (found by the fuzzer, seed 743357413)', () => {
    const { sys } = boot();
    const fd = sys.openat({ dfd: AT_FDCWD, path: '/proc/self/ns/user', flags: 0 });
    assert.ok(fd.ok);
    assert.deepEqual(sys.read({ fd: fd.value }), { ok: false, errno: 'EINVAL' });
  });
});
