import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AT_EMPTY_PATH, AT_FDCWD, MNT_READONLY, MOUNT_ATTR_IDMAP, MOUNT_ATTR_RDONLY, OPEN_TREE_CLONE } from '../kernel/constants';
import { createKernel } from '../kernel/boot';
import type { Kernel, Task, UserNamespace } from '../kernel/types';
import { createUserNs } from '../kernel/user-namespace';
import { allocFile, fdInstall } from '../fs/file';
import { pathLookupAt } from '../fs/namei';
import { renderMountinfo } from '../observe/mountinfo';
import { syscalls } from '../syscalls';
import type { MountAttr } from '../syscalls/mount_setattr';

// The idmap success path, which no dialect transcript can reach (it needs an
// fd on a user namespace below the caller's whose creator is gone), and the
// all-or-nothing rule, checked on the model directly.

const noAttr: MountAttr = { attr_set: 0, attr_clr: 0, propagation: 0, userns_fd: 0 };

function setup(): { k: Kernel; task: Task; child: UserNamespace; nsFd: number } {
  const { kernel: k, shell: task } = createKernel('mainline');
  assert.ok(syscalls.mkdirat(k, task, { path: '/mnt/a' }).ok);
  assert.ok(syscalls.mount(k, task, { source: 'none', target: '/mnt/a', fstype: 'tmpfs', flags: 0 }).ok);
  const made = createUserNs(k, task); // a user namespace below ours, as get_userns_fd() in the selftests makes one
  assert.ok(made.ok);
  const child = made.value;
  // An nsfs file on it, as /proc/PID/ns/user of that (gone) task would give.
  const nsUser = pathLookupAt(k, task, AT_FDCWD, '/proc/self/ns/user');
  assert.ok(nsUser.ok);
  const nsFd = 9;
  fdInstall(task, nsFd, allocFile(k, nsUser.value.path, { userNs: child }));
  return { k, task, child, nsFd };
}

function cloneOf(k: Kernel, task: Task, path: string): number {
  const opened = syscalls.open_tree(k, task, { dfd: AT_FDCWD, path, flags: OPEN_TREE_CLONE });
  assert.ok(opened.ok);
  return opened.value;
}

const idmap = (fd: number): MountAttr => ({ ...noAttr, attr_set: MOUNT_ATTR_IDMAP, userns_fd: fd });

describe('mount_setattr and MOUNT_ATTR_IDMAP on the model', () => {
  it('should idmap a detached tmpfs clone with a user namespace below ours, and show it as idmapped once attached', () => {
    const { k, task, child, nsFd } = setup();
    const fd = cloneOf(k, task, '/mnt/a');
    const set = syscalls.mount_setattr(k, task, { dfd: fd, path: '', flags: AT_EMPTY_PATH, attr: idmap(nsFd), size: 32 });
    assert.deepEqual(set, { ok: true, value: 0 });
    assert.equal(task.files.get(fd)!.f_path.mnt.mnt_idmap, child);
    // A second idmapping of a mount user space has seen is refused; removing it too.
    assert.deepEqual(syscalls.mount_setattr(k, task, { dfd: fd, path: '', flags: AT_EMPTY_PATH, attr: idmap(nsFd), size: 32 }), { ok: false, errno: 'EPERM' });
    assert.deepEqual(syscalls.mount_setattr(k, task, { dfd: fd, path: '', flags: AT_EMPTY_PATH, attr: { ...noAttr, attr_clr: MOUNT_ATTR_IDMAP }, size: 32 }), { ok: false, errno: 'EINVAL' });
    assert.ok(syscalls.mkdirat(k, task, { path: '/mnt/b' }).ok);
    assert.ok(syscalls.move_mount(k, task, { fromDfd: fd, fromPath: '', toDfd: AT_FDCWD, toPath: '/mnt/b', flags: 0x4 }).ok);
    assert.match(renderMountinfo(task), / \/mnt\/b rw,relatime,idmapped - tmpfs /);
  });

  it('should refuse to idmap a mount that is attached (EINVAL), and the filesystem\'s own user namespace (EINVAL)', () => {
    const { k, task, nsFd } = setup();
    assert.deepEqual(syscalls.mount_setattr(k, task, { dfd: AT_FDCWD, path: '/mnt/a', flags: 0, attr: idmap(nsFd), size: 32 }), { ok: false, errno: 'EINVAL' });
    const own = pathLookupAt(k, task, AT_FDCWD, '/proc/self/ns/user');
    assert.ok(own.ok);
    fdInstall(task, 8, allocFile(k, own.value.path, { userNs: k.init_user_ns }));
    const fd = cloneOf(k, task, '/mnt/a');
    assert.deepEqual(syscalls.mount_setattr(k, task, { dfd: fd, path: '', flags: AT_EMPTY_PATH, attr: idmap(8), size: 32 }), { ok: false, errno: 'EPERM' });
  });

  it('should let open_tree_attr replace a clone\'s idmapping, so a copy of an idmapped mount can come without one', () => {
    const { k, task, nsFd } = setup();
    const fd = cloneOf(k, task, '/mnt/a');
    assert.ok(syscalls.mount_setattr(k, task, { dfd: fd, path: '', flags: AT_EMPTY_PATH, attr: idmap(nsFd), size: 32 }).ok);
    const copy = syscalls.open_tree_attr(k, task, { dfd: fd, path: '', flags: AT_EMPTY_PATH | OPEN_TREE_CLONE, attr: { ...noAttr, attr_clr: MOUNT_ATTR_IDMAP }, size: 32 });
    assert.ok(copy.ok);
    assert.equal(task.files.get(copy.value)!.f_path.mnt.mnt_idmap, null);
    assert.notEqual(task.files.get(fd)!.f_path.mnt.mnt_idmap, null);
  });

  it('should change nothing at all when one mount of an AT_RECURSIVE tree refuses (all or nothing)', () => {
    const { k, task, nsFd } = setup();
    assert.ok(syscalls.mkdirat(k, task, { path: '/mnt/a/x' }).ok);
    assert.ok(syscalls.mount(k, task, { source: 'proc', target: '/mnt/a/x', fstype: 'proc', flags: 0 }).ok);
    const fd = syscalls.open_tree(k, task, { dfd: AT_FDCWD, path: '/mnt/a', flags: OPEN_TREE_CLONE | 0x8000 });
    assert.ok(fd.ok);
    const root = task.files.get(fd.value)!.f_path.mnt;
    // proc has no FS_ALLOW_IDMAP: the submount fails the whole call, and the readonly bit asked with it is not set either.
    const both: MountAttr = { ...idmap(nsFd), attr_set: MOUNT_ATTR_IDMAP | MOUNT_ATTR_RDONLY };
    assert.deepEqual(syscalls.mount_setattr(k, task, { dfd: fd.value, path: '', flags: AT_EMPTY_PATH | 0x8000, attr: both, size: 32 }), { ok: false, errno: 'EINVAL' });
    assert.equal(root.mnt_flags & MNT_READONLY, 0);
    assert.equal(root.mnt_idmap, null);
  });

  it('should answer ENOSYS on ver #12, whose v4.19 base has no mount_setattr', () => {
    const { kernel: k, shell: task } = createKernel('v12');
    assert.deepEqual(syscalls.mount_setattr(k, task, { dfd: AT_FDCWD, path: '/mnt', flags: 0, attr: { ...noAttr, attr_set: MOUNT_ATTR_RDONLY }, size: 32 }), { ok: false, errno: 'ENOSYS' });
    assert.deepEqual(syscalls.open_tree_attr(k, task, { dfd: AT_FDCWD, path: '/mnt', flags: OPEN_TREE_CLONE, attr: null, size: 0 }), { ok: false, errno: 'ENOSYS' });
  });
});
