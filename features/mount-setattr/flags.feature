@fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
Feature: mount_setattr(2): a mount's own flags, set and cleared in one call
  Ported, in our own words, from LTP
  `testcases/kernel/syscalls/mount_setattr/mount_setattr01.c` (each of
  `MOUNT_ATTR_RDONLY`, `NOSUID`, `NODEV`, `NOEXEC`, `NOSYMFOLLOW`,
  `NODIRATIME` set on a mount and seen in its flags) and from the kernel
  selftest `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`mount_setattr_wrong_user_namespace`... and the atime tests
  `mount_setattr_basic`, `mount_setattr_invalid_attributes`).

  `mount_setattr(2)` arrived in Linux 5.12. It does what
  `mount -o remount,bind,...` does, but says exactly what to change:
  `attr_set` bits are raised, `attr_clr` bits are cleared, everything else
  stays. util-linux 2.38 has no form for it, so the dialect's is ours:
  `mount_setattr [-r] [-n] [-e] [-s SIZE] [-F HEX] PATH SPEC`, where SPEC
  writes `struct mount_attr` out item by item: `+ro` sets `MOUNT_ATTR_RDONLY`
  in `attr_set`, `-ro` puts it in `attr_clr`, `-atime` clears the whole
  `MOUNT_ATTR__ATIME`, `shared` (or `slave`, `private`, `unbindable`) goes in
  `propagation`, `+0xHEX` is raw bits. `-r` is `AT_RECURSIVE`.

  - **Set and clear in one call:** `+ro,+nosuid,...` raises each flag,
    mountinfo shows it (`nosymfollow` last, 5.10+), and `-ro,-nosuid` takes
    them off again; the rest stays. A read-only mount refuses writes
    (`EROFS`).
  - **`AT_RECURSIVE`:** the whole tree below the mount gets the change,
    in one go; without it only the mount itself.
  - **The atime modes are an enum, not bits:** `relatime`, `noatime` and
    `strictatime` live in `MOUNT_ATTR__ATIME`. Setting one needs the whole
    mask in `attr_clr` (`-atime,+noatime`); a mode without it, or part of
    the mask, is `EINVAL`; `-atime` alone goes back to `relatime` (which is
    0). `strictatime` shows as no atime word at all.
  - **The struct is checked before the path:** a bit no kernel knows
    (`+0x400000`) or a flag outside `AT_EMPTY_PATH|AT_RECURSIVE|
    AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT` is `EINVAL`; a size under 32
    bytes (`MOUNT_ATTR_SIZE_VER0`) is `EINVAL`, over a page `E2BIG`, and a
    page whose bytes past the struct are zero is fine.
  - **`nosymfollow` (5.10) refuses to follow symlinks on the mount:**
    on proc that is `/proc/self` and every `/proc/self/fd/N`, `ELOOP`
    ("Too many levels of symbolic links"), until `-nosymfollow`.
  - **A request that changes nothing does nothing, not even the lookup:**
    on a path that does not exist it succeeds; with something to change it
    is `ENOENT`. A directory that is not a mount's root is `EINVAL`.
  - **ver #12 had no `mount_setattr`** (see `ver12.feature`), hence the
    `@fails-on` tags: there every call is `ENOSYS`.

  Scenario: mount_setattr raises six flags at once and clears two of them again
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mount_setattr /mnt/a +ro,+nosuid,+nodev,+noexec,+nodiratime,+nosymfollow
      # mount
      # touch /mnt/a/f
      # mount_setattr /mnt/a -ro,-nosuid
      # touch /mnt/a/f
      # mount
      """
    Then "mount_setattr /mnt/a +ro,+nosuid,+nodev,+noexec,+nodiratime,+nosymfollow" succeeds
    And the 1st "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (ro,nosuid,nodev,noexec,nodiratime,relatime,nosymfollow)
      """
    And the 1st "touch /mnt/a/f" prints on stderr:
      """
      touch: cannot touch '/mnt/a/f': Read-only file system
      """
    And the 2nd "touch /mnt/a/f" succeeds
    And the 2nd "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,nodev,noexec,nodiratime,relatime,nosymfollow)
      """

  Scenario: AT_RECURSIVE changes every mount of the tree, without it only the top
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # mount_setattr /mnt/a +nodev
      # mount_setattr -r /mnt/a +ro
      # mount
      # touch /mnt/a/x/f
      """
    Then "mount_setattr -r /mnt/a +ro" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (ro,nodev,relatime)
      none on /mnt/a/x type tmpfs (ro,relatime)
      """
    And "touch /mnt/a/x/f" exits with status 1

  Scenario: an atime mode needs the whole MOUNT_ATTR__ATIME mask cleared with it
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mount_setattr /mnt/a +noatime
      # mount_setattr /mnt/a -noatime
      # mount_setattr /mnt/a -atime,+0x30
      # mount_setattr /mnt/a -atime,+noatime
      # mount
      # mount_setattr /mnt/a -atime,+strictatime
      # mount
      # mount_setattr /mnt/a -atime
      # mount
      """
    Then "mount_setattr /mnt/a +noatime" exits with status 1
    And "mount_setattr /mnt/a +noatime" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr /mnt/a -noatime" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr /mnt/a -atime,+0x30" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And the 1st "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,noatime)
      """
    And the 2nd "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw)
      """
    And the 3rd "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      """

  Scenario: an unknown attribute bit or flag is EINVAL before the path is looked at
    When the shell session runs:
      """
      # mount_setattr /mnt +0x400000
      # mount_setattr -F 1 /mnt +ro
      # mount_setattr /nope +0x400000
      # mount_setattr /mnt -0x80000000
      """
    Then "mount_setattr /mnt +0x400000" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr -F 1 /mnt +ro" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr /nope +0x400000" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr /mnt -0x80000000" exits with status 1

  Scenario: struct mount_attr is at least 32 bytes and at most a page, zero past its end
    When the shell session runs:
      """
      # mount_setattr -s 31 /mnt +ro
      # mount_setattr -s 4097 /mnt +ro
      # mount_setattr -s 4096 /mnt +nodev
      # mount_setattr -s 40 /mnt -nodev
      # mount
      """
    Then "mount_setattr -s 31 /mnt +ro" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr -s 4097 /mnt +ro" prints on stderr:
      """
      mount_setattr: Argument list too long
      """
    And "mount_setattr -s 4096 /mnt +nodev" succeeds
    And "mount_setattr -s 40 /mnt -nodev" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      """

  Scenario: a request that changes nothing succeeds without looking up the path
    When the shell session runs:
      """
      # mkdir /d
      # mount_setattr /nope
      # mount_setattr /nope +ro
      # mount_setattr /d +ro
      # mount_setattr /d
      """
    Then "mount_setattr /nope" succeeds
    And "mount_setattr /nope +ro" prints on stderr:
      """
      mount_setattr: No such file or directory
      """
    And "mount_setattr /d +ro" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr /d" succeeds

  Scenario: a bind remount after mount_setattr keeps nosymfollow, as libmount merges the options
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mount_setattr /mnt/a +nosymfollow,+nosuid
      # mount -o remount,bind,ro /mnt/a
      # mount
      """
    Then "mount -o remount,bind,ro /mnt/a" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (ro,nosuid,relatime,nosymfollow)
      """

  Scenario: nosymfollow on proc stops /proc/self and /proc/self/fd/N, which are symlinks, with ELOOP
    When the shell session runs:
      """
      # exec 3</mnt
      # mount_setattr /proc +nosymfollow
      # cat /proc/self/mountinfo
      # ls /proc/self/fd/3
      # mount_setattr /proc -nosymfollow
      # ls /proc/self/fd/3
      """
    Then "mount_setattr /proc +nosymfollow" succeeds
    And "cat /proc/self/mountinfo" exits with status 1
    And "cat /proc/self/mountinfo" prints on stderr:
      """
      cat: /proc/self/mountinfo: Too many levels of symbolic links
      """
    And the 1st "ls /proc/self/fd/3" prints on stderr:
      """
      ls: cannot access '/proc/self/fd/3': Too many levels of symbolic links
      """
    And the 2nd "ls /proc/self/fd/3" succeeds

  Scenario: umount(8) cannot read mountinfo through a nosymfollow /proc, and says ELOOP
    libmount looks for a target it cannot find in `/proc/self/mountinfo`. With `/proc` nosymfollow,
    opening that path fails at the `/proc/self` symlink, and umount(8) reports that errno; once /proc follows links again, it finds no such mount point. Found by
    `npm run fuzz` (seed 20261201), where the model had answered `ENOENT`.
    When the shell session runs:
      """
      # mount_setattr /proc +nosymfollow
      # umount -l /mnt/missing
      # mount_setattr /proc -nosymfollow
      # umount -l /mnt/missing
      """
    Then the 1st "umount -l /mnt/missing" exits with status 32
    And the 1st "umount -l /mnt/missing" prints on stderr:
      """
      umount: /mnt/missing: umount failed: Too many levels of symbolic links.
      """
    And the 2nd "umount -l /mnt/missing" prints on stderr:
      """
      umount: /mnt/missing: no mount point specified.
      """
