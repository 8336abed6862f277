// The limits the kernel enforces on names and fds, on the model's syscalls:
// PATH_MAX (getname()), NAME_MAX (tmpfs's lookup), RLIMIT_NOFILE (alloc_fd()
// and dup2()). runner/odd-input.test.ts holds the same against the live kernel.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKernel } from '../kernel/boot';
import { AT_FDCWD, NAME_MAX, O_CREAT, O_RDONLY, O_WRONLY, PATH_MAX, RLIMIT_NOFILE_CUR } from '../kernel/constants';
import { syscalls } from '../syscalls/index';

function errno<T>(r: { ok: true; value: T } | { ok: false; errno: string }): string {
  return r.ok ? 'ok' : r.errno;
}

describe('kernel limits', () => {
  it('should refuse a path of PATH_MAX bytes (with its NUL it would not fit) and walk one a byte shorter', () => {
    const { kernel: k, shell: t } = createKernel('mainline');
    const path = (bytes: number) => `/mnt/${'a/'.repeat(bytes)}`.slice(0, bytes);
    assert.equal(path(PATH_MAX).length, PATH_MAX);
    assert.equal(errno(syscalls.openat(k, t, { dfd: AT_FDCWD, path: path(PATH_MAX), flags: O_RDONLY })), 'ENAMETOOLONG');
    assert.equal(errno(syscalls.openat(k, t, { dfd: AT_FDCWD, path: path(PATH_MAX - 1), flags: O_RDONLY })), 'ENOENT');
    // Bytes, not UTF-16 units: 1,366 three-byte characters are 4,098 bytes.
    assert.equal(errno(syscalls.mkdirat(k, t, { path: `/mnt/${'€'.repeat(1366)}` })), 'ENAMETOOLONG');
  });

  it('should refuse a component past NAME_MAX bytes in tmpfs, to create or to look up, and take NAME_MAX', () => {
    const { kernel: k, shell: t } = createKernel('mainline');
    assert.equal(errno(syscalls.mkdirat(k, t, { path: `/mnt/${'n'.repeat(NAME_MAX + 1)}` })), 'ENAMETOOLONG');
    assert.equal(errno(syscalls.openat(k, t, { dfd: AT_FDCWD, path: `/mnt/${'n'.repeat(NAME_MAX + 1)}/x`, flags: O_RDONLY })), 'ENAMETOOLONG');
    assert.equal(errno(syscalls.mkdirat(k, t, { path: `/mnt/${'é'.repeat(128)}` })), 'ENAMETOOLONG'); // 256 bytes
    assert.equal(errno(syscalls.mkdirat(k, t, { path: `/mnt/${'n'.repeat(NAME_MAX)}` })), 'ok');
    assert.equal(errno(syscalls.mkdirat(k, t, { path: `/proc/${'n'.repeat(NAME_MAX + 1)}` })), 'EPERM'); // procfs knows only its own names
  });

  it('should give out fds below RLIMIT_NOFILE only (EMFILE), and refuse dup2() onto one past it (EBADF)', () => {
    const { kernel: k, shell: t } = createKernel('mainline');
    const file = syscalls.openat(k, t, { dfd: AT_FDCWD, path: '/mnt/f', flags: O_WRONLY | O_CREAT });
    assert.ok(file.ok);
    assert.equal(errno(syscalls.dup2(k, t, { oldfd: file.value, newfd: RLIMIT_NOFILE_CUR })), 'EBADF');
    assert.equal(errno(syscalls.dup2(k, t, { oldfd: file.value, newfd: RLIMIT_NOFILE_CUR - 1 })), 'ok');
    let last: ReturnType<typeof syscalls.openat> = file;
    for (let i = 0; last.ok && i < RLIMIT_NOFILE_CUR; i++) last = syscalls.openat(k, t, { dfd: AT_FDCWD, path: '/mnt/f', flags: O_RDONLY });
    assert.equal(errno(last), 'EMFILE');
    assert.equal(t.files.size, RLIMIT_NOFILE_CUR);
  });

  it('should resolve /proc/PID/root to that task\'s root while it lives, and ENOENT after', () => {
    const { kernel: k, shell: t } = createKernel('mainline');
    const viaLink = syscalls.openat(k, t, { dfd: AT_FDCWD, path: `/proc/${t.pid}/root/mnt/../mnt`, flags: O_RDONLY });
    const direct = syscalls.openat(k, t, { dfd: AT_FDCWD, path: '/mnt', flags: O_RDONLY });
    assert.ok(viaLink.ok && direct.ok);
    assert.equal(t.files.get(viaLink.value)!.f_path.mnt, t.files.get(direct.value)!.f_path.mnt);
    assert.equal(errno(syscalls.openat(k, t, { dfd: AT_FDCWD, path: `/proc/${t.pid + 1}/root`, flags: O_RDONLY })), 'ENOENT');
  });
});
