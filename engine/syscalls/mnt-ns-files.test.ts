import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AT_FDCWD, CLONE_NEWNS, CLONE_NEWUSER, LSMT_ROOT, MOVE_MOUNT_F_EMPTY_PATH, MS_BIND, NS_GET_MNTNS_ID, O_CREAT, O_PATH, OPEN_TREE_CLONE, STATMOUNT_MNT_NS_ID,
  STATX_MNT_ID_UNIQUE,
} from '../kernel/constants';
import { renderMountinfo } from '../observe/mountinfo';
import { exitTask, forkTask } from '../kernel/task';
import { ModelSession } from '../shell/session';
import { bindSyscalls } from './index';

function boot() {
  const session = new ModelSession('mainline');
  return { k: session.kernel, top: session.topTask, sys: bindSyscalls(session.kernel, session.topTask) };
}

type Sys = ReturnType<typeof boot>['sys'];

function open(sys: Sys, path: string, flags = 0): number {
  const fd = sys.openat({ dfd: AT_FDCWD, path, flags });
  assert.ok(fd.ok, `open ${path}: ${JSON.stringify(fd)}`);
  return fd.value;
}

/** The id statmount reports for the caller's own namespace (STATMOUNT_MNT_NS_ID of its "/"). */
function ownNsId(sys: Sys): bigint {
  const st = sys.statx({ dfd: AT_FDCWD, path: '/', flags: 0, mask: STATX_MNT_ID_UNIQUE });
  assert.ok(st.ok);
  const sm = sys.statmount({ req: { mnt_id: st.value.stx_mnt_id, param: BigInt(STATMOUNT_MNT_NS_ID), mnt_ns_id: 0n }, flags: 0 });
  assert.ok(sm.ok);
  return sm.value.mnt_ns_id!;
}

describe('ioctl(NS_GET_MNTNS_ID) (fs/nsfs.c ns_ioctl, 6.18)', () => {
  it("should give, on /proc/self/ns/mnt, the id statmount reports as mnt_ns_id", () => {
    const { sys } = boot();
    const got = sys.ioctl({ fd: open(sys, '/proc/self/ns/mnt'), cmd: NS_GET_MNTNS_ID });
    assert.deepEqual(got, { ok: true, value: ownNsId(sys) });
  });

  it('should be EINVAL on a user namespace file, ENOTTY on a tmpfs or proc file, EBADF on an O_PATH or closed fd', () => {
    const { sys } = boot();
    assert.deepEqual(sys.ioctl({ fd: open(sys, '/proc/self/ns/user'), cmd: NS_GET_MNTNS_ID }), { ok: false, errno: 'EINVAL' });
    assert.deepEqual(sys.ioctl({ fd: open(sys, '/mnt/plain', O_CREAT), cmd: NS_GET_MNTNS_ID }), { ok: false, errno: 'ENOTTY' });
    assert.deepEqual(sys.ioctl({ fd: open(sys, '/proc/self/mountinfo'), cmd: NS_GET_MNTNS_ID }), { ok: false, errno: 'ENOTTY' });
    assert.deepEqual(sys.ioctl({ fd: open(sys, '/proc/self/ns/mnt', O_PATH), cmd: NS_GET_MNTNS_ID }), { ok: false, errno: 'EBADF' });
    assert.deepEqual(sys.ioctl({ fd: 99, cmd: NS_GET_MNTNS_ID }), { ok: false, errno: 'EBADF' });
  });
});

describe('/proc/PID/ns/mnt (fs/proc/namespaces.c proc_ns_get_link, 6.18)', () => {
  it("should lead to another task's namespace, read as mnt:[INUM], the same file for the same namespace", () => {
    const { k, top, sys } = boot();
    const child = forkTask(k, top, 'sh');
    const csys = bindSyscalls(k, child);
    assert.ok(csys.unshare({ flags: CLONE_NEWNS }).ok);
    const first = csys.ioctl({ fd: open(csys, '/proc/1/ns/mnt'), cmd: NS_GET_MNTNS_ID });
    const own = csys.ioctl({ fd: open(csys, '/proc/self/ns/mnt'), cmd: NS_GET_MNTNS_ID });
    assert.deepEqual(first, { ok: true, value: ownNsId(sys) });
    assert.deepEqual(own, { ok: true, value: ownNsId(csys) });
    assert.notDeepEqual(first, own);
    const link = sys.readlinkat({ dfd: AT_FDCWD, path: '/proc/self/ns/mnt' });
    assert.ok(link.ok && /^mnt:\[\d+\]$/.test(link.value), JSON.stringify(link));
    assert.deepEqual(sys.readlinkat({ dfd: AT_FDCWD, path: `/proc/self/fd/${open(sys, '/proc/self/ns/mnt')}` }), link);
    assert.notDeepEqual(csys.readlinkat({ dfd: AT_FDCWD, path: '/proc/self/ns/mnt' }), link);
  });

  it("should be EACCES, opened or read, from a new user namespace for a task of its parent's, and fine for its own", () => {
    const { k, top } = boot();
    const child = forkTask(k, top, 'sh');
    const csys = bindSyscalls(k, child);
    assert.ok(csys.unshare({ flags: CLONE_NEWUSER | CLONE_NEWNS }).ok);
    assert.deepEqual(csys.openat({ dfd: AT_FDCWD, path: '/proc/1/ns/mnt', flags: 0 }), { ok: false, errno: 'EACCES' });
    assert.deepEqual(csys.readlinkat({ dfd: AT_FDCWD, path: '/proc/1/ns/mnt' }), { ok: false, errno: 'EACCES' });
    assert.ok(csys.openat({ dfd: AT_FDCWD, path: `/proc/${child.pid}/ns/mnt`, flags: 0 }).ok);
    // The parent may look at its child's namespace: it owns the child's user namespace.
    assert.ok(bindSyscalls(k, top).openat({ dfd: AT_FDCWD, path: `/proc/${child.pid}/ns/mnt`, flags: 0 }).ok);
  });
});

describe('statmount and listmount of another namespace by its id (fs/namespace.c, 6.18)', () => {
  it('should refuse a caller without CAP_SYS_ADMIN over it: listmount ENOENT, statmount EPERM (live 6.18.44)', () => {
    const { k, top, sys } = boot();
    const nsId = sys.ioctl({ fd: open(sys, '/proc/self/ns/mnt'), cmd: NS_GET_MNTNS_ID });
    assert.ok(nsId.ok);
    const child = forkTask(k, top, 'sh');
    const csys = bindSyscalls(k, child);
    assert.ok(csys.unshare({ flags: CLONE_NEWUSER | CLONE_NEWNS }).ok);
    const req = { mnt_id: LSMT_ROOT, param: 0n, mnt_ns_id: nsId.value };
    assert.deepEqual(csys.listmount({ req, nrMntIds: 10, flags: 0 }), { ok: false, errno: 'ENOENT' });
    assert.deepEqual(csys.statmount({ req: { ...req, mnt_id: 99999999999n }, flags: 0 }), { ok: false, errno: 'EPERM' });
    // From a namespace it is capable over (unshare -m only), the same requests are answered.
    const other = forkTask(k, top, 'sh');
    const osys = bindSyscalls(k, other);
    assert.ok(osys.unshare({ flags: CLONE_NEWNS }).ok);
    const listed = osys.listmount({ req, nrMntIds: 10, flags: 0 });
    assert.deepEqual(listed, sys.listmount({ req: { ...req, mnt_ns_id: 0n }, nrMntIds: 10, flags: 0 }));
    assert.deepEqual(osys.statmount({ req: { ...req, mnt_id: 99999999999n }, flags: 0 }), { ok: false, errno: 'ENOENT' });
  });

  it('should find a namespace kept only by an open nsfs file, and let it go with the last close', () => {
    const { k, top, sys } = boot();
    const child = forkTask(k, top, 'sh');
    const csys = bindSyscalls(k, child);
    assert.ok(csys.unshare({ flags: CLONE_NEWNS }).ok);
    const fd = open(csys, '/proc/self/ns/mnt');
    const nsId = csys.ioctl({ fd, cmd: NS_GET_MNTNS_ID });
    assert.ok(nsId.ok);
    // The parent takes the file over (as an inherited fd would be), then the child exits.
    const file = child.files.get(fd)!;
    file.f_count++;
    top.files.set(20, file);
    exitTask(k, child);
    const req = { mnt_id: LSMT_ROOT, param: 0n, mnt_ns_id: nsId.value };
    const listed = sys.listmount({ req, nrMntIds: 10, flags: 0 });
    assert.ok(listed.ok && listed.value.length === 3, JSON.stringify(listed, (_, v) => (typeof v === 'bigint' ? String(v) : v)));
    assert.ok(sys.close({ fd: 20 }).ok);
    assert.deepEqual(sys.listmount({ req, nrMntIds: 10, flags: 0 }), { ok: false, errno: 'ENOENT' });
  });
});

describe('mounting a mount namespace file (fs/namespace.c mnt_ns_loop, copy_tree, 6.18)', () => {
  const bind = (sys: Sys, source: string, target: string) => sys.mount({ source, target, fstype: '', flags: MS_BIND });

  it("should refuse the caller's own namespace file (EINVAL) and a clone of it moved in (ELOOP), and an older namespace's file", () => {
    const { k, top, sys } = boot();
    open(sys, '/mnt/f', O_CREAT);
    assert.deepEqual(bind(sys, '/proc/self/ns/mnt', '/mnt/f'), { ok: false, errno: 'EINVAL' });
    const clone = sys.open_tree({ dfd: AT_FDCWD, path: '/proc/self/ns/mnt', flags: OPEN_TREE_CLONE });
    assert.ok(clone.ok);
    assert.deepEqual(sys.move_mount({ fromDfd: clone.value, fromPath: '', toDfd: AT_FDCWD, toPath: '/mnt/f', flags: MOVE_MOUNT_F_EMPTY_PATH }), { ok: false, errno: 'ELOOP' });
    const child = forkTask(k, top, 'sh');
    const csys = bindSyscalls(k, child);
    assert.ok(csys.unshare({ flags: CLONE_NEWNS }).ok);
    assert.deepEqual(bind(csys, '/proc/1/ns/mnt', '/mnt/f'), { ok: false, errno: 'EINVAL' }); // ids in order here; see the feature
    assert.deepEqual(bind(sys, '/proc/self/ns/user', '/mnt/f'), { ok: true, value: 0 }); // not a mount namespace's
  });

  it("should let an older namespace mount a newer one's file, which keeps that namespace after its last task, out of unshare's copy, until unmounted", () => {
    const { k, top, sys } = boot();
    open(sys, '/mnt/f', O_CREAT);
    const child = forkTask(k, top, 'sh');
    const csys = bindSyscalls(k, child);
    assert.ok(csys.unshare({ flags: CLONE_NEWNS }).ok);
    const nsId = csys.ioctl({ fd: open(csys, '/proc/self/ns/mnt'), cmd: NS_GET_MNTNS_ID });
    assert.ok(nsId.ok);
    assert.deepEqual(bind(sys, `/proc/${child.pid}/ns/mnt`, '/mnt/f'), { ok: true, value: 0 });
    exitTask(k, child);
    const req = { mnt_id: LSMT_ROOT, param: 0n, mnt_ns_id: nsId.value };
    const listed = sys.listmount({ req, nrMntIds: 10, flags: 0 });
    assert.ok(listed.ok && listed.value.length === 3);
    // A new namespace's copy leaves the namespace file's mount out.
    const other = forkTask(k, top, 'sh');
    assert.ok(bindSyscalls(k, other).unshare({ flags: CLONE_NEWNS }).ok);
    assert.match(renderMountinfo(top), /mnt:\[\d+\] \/mnt\/f /);
    assert.doesNotMatch(renderMountinfo(other), /mnt:\[/);
    assert.ok(sys.umount2({ target: '/mnt/f', flags: 0 }).ok);
    assert.deepEqual(sys.listmount({ req, nrMntIds: 10, flags: 0 }), { ok: false, errno: 'ENOENT' });
  });
});
