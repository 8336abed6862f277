Feature: Bind remounts: one mount's own flags, apart from its filesystem
  Ported, in our own words, from LTP
  `testcases/kernel/syscalls/mount/mount03.c` (`MS_RDONLY`, `MS_NOSUID`,
  `MS_NOEXEC`, `MS_NOATIME`, `MS_STRICTATIME` ... each checked by what it
  stops) and the `mount(8)` manual page ("the bind mount ... can be
  remounted read-only ... `mount -o remount,bind,ro`"). The dialect has
  `mount -o remount,bind,OPTIONS DIR`, util-linux 2.38.

  `MS_REMOUNT|MS_BIND` is `do_reconfigure_mnt()`: it sets the flags of one
  mount (read-only, nosuid, nodev, noexec, the atime mode) and leaves its
  superblock, and every other mount of it, alone. The mount must be a mount
  of our namespace and the path its root (`EINVAL`, "mount point not mounted
  or bad option"). `path_mount()` turns the flags into per-mount ones:
  relatime unless noatime, strictatime clearing both, and a remount that
  names no atime mode keeps the mount's own.

  libmount adds one rule of its own: before the command line's options it
  takes the options the mount has now (its mountinfo entry, per-mount and
  superblock options merged, "ro" if either says so), so a remount keeps
  whatever it does not name. `rw` and the other inverse words (`suid`,
  `exec`, `atime`, ...) are how a flag is taken off again: after `noatime`,
  `relatime` alone still leaves `noatime` on, `atime,relatime` does not.

  - **Read-only is per mount:** the bind refuses writes (`EROFS`), the
    original takes them.
  - **A remount keeps what it does not name:** `nosuid` on a read-only bind
    leaves it read-only; `rw` makes it writable again and keeps `nosuid`.
  - **The atime modes:** `noatime`, `strictatime` (mountinfo shows none),
    and `relatime` back.
  - **A bind copies the flags:** a bind of a read-only mount is read-only.
  - **Not a mount, or not there:** `EINVAL`, and `ENOENT` worded as
    "mount point does not exist".

  Scenario: a bind remounted read-only refuses writes; the original takes them
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount --bind /mnt/a /mnt/b
      # mount -o remount,bind,ro /mnt/b
      # touch /mnt/b/f
      # mkdir /mnt/b/d
      # touch /mnt/a/f
      # ls /mnt/b
      # mount
      """
    Then "mount -o remount,bind,ro /mnt/b" succeeds
    And "touch /mnt/b/f" exits with status 1
    And "touch /mnt/b/f" prints on stderr:
      """
      touch: cannot touch '/mnt/b/f': Read-only file system
      """
    And "mkdir /mnt/b/d" prints on stderr:
      """
      mkdir: cannot create directory '/mnt/b/d': Read-only file system
      """
    And "touch /mnt/a/f" succeeds
    And "ls /mnt/b" prints on stdout:
      """
      f
      """
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      none on /mnt/b type tmpfs (ro,relatime)
      """

  Scenario: a remount keeps what it does not name, and the inverse words take flags off
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mount -o remount,bind,ro /mnt/a
      # mount -o remount,bind,nosuid,nodev /mnt/a
      # mount
      # mount -o remount,bind,rw,dev /mnt/a
      # mount
      """
    Then the 1st "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (ro,nosuid,nodev,relatime)
      """
    And the 2nd "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,nosuid,relatime)
      """

  Scenario: the atime modes: noatime, strictatime (shown as nothing), relatime back
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mount -o remount,bind,noatime /mnt/a
      # mount
      # mount -o remount,bind,strictatime /mnt/a
      # mount
      # mount -o remount,bind,relatime /mnt/a
      # mount
      """
    Then the 1st "mount" prints on stdout:
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

  Scenario: a bind of a read-only mount is read-only too
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount -o remount,bind,ro,noexec /mnt/a
      # mount --bind /mnt/a /mnt/b
      # touch /mnt/b/f
      # mount
      """
    Then "touch /mnt/b/f" prints on stderr:
      """
      touch: cannot touch '/mnt/b/f': Read-only file system
      """
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (ro,noexec,relatime)
      none on /mnt/b type tmpfs (ro,noexec,relatime)
      """

  Scenario: a bind remount of a directory that is not a mount, or is not there
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -o remount,bind,ro /mnt/a
      # mount -o remount,bind,ro /mnt/nowhere
      """
    Then "mount -o remount,bind,ro /mnt/a" exits with status 32
    And "mount -o remount,bind,ro /mnt/a" prints on stderr:
      """
      mount: /mnt/a: mount point not mounted or bad option.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount -o remount,bind,ro /mnt/nowhere" prints on stderr:
      """
      mount: /mnt/nowhere: mount point does not exist.
             dmesg(1) may have more information after failed mount system call.
      """
