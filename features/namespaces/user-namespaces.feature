Feature: unshare -Urm: a less privileged copy, with its mounts locked together
  Where the cases come from: the rules of the "Restrictions on mount
  namespaces" section of `mount_namespaces(7)` (man-pages), which the kernel
  enforces since Eric W. Biederman's "vfs: Lock in place mounts from more
  privileged users" (Linux 3.12, `MNT_LOCKED`), and the setup of the
  kernel's `tools/testing/selftests/mount/unprivileged-remount-test.c` (a
  user namespace that maps root, then a new mount namespace). LTP's
  `containers/mountns` tests run as real root only, and no LTP or selftest
  case checks these errnos directly, so each is stated here from the rule
  and checked against the live kernel. The shell is util-linux 2.38
  `unshare -Urm`: `unshare(CLONE_NEWUSER|CLONE_NEWNS)`, then it writes
  `/proc/self/uid_map`, `setgroups` and `gid_map` so that we are root in the
  new user namespace.

  When the new mount namespace belongs to another user namespace,
  `copy_mnt_ns()` makes the copies of shared mounts slaves (`CL_SLAVE`,
  `CL_SHARED_TO_SLAVE` before 6.17), and `lock_mnt_tree()` marks every
  copied mount but the namespace root `MNT_LOCKED`: "Mounts that come as a
  single unit from a more privileged mount namespace are locked together and
  may not be separated in a less privileged mount namespace" (mount_namespaces(7)).
  So the new root user cannot uncover what a more privileged user covered:
  `can_umount()` refuses a locked mount (`EINVAL`, which umount(8) words as
  "not mounted"), `do_move_mount()` refuses to move one, and `__do_loopback()`
  refuses a non-recursive bind or `open_tree(OPEN_TREE_CLONE)` of a mount
  with locked children (the copy would show the directories they cover).
  A recursive bind is fine: the copies of locked children stay locked, and a
  lazy unmount of the bind takes them along connected (`disconnect_mount()`:
  "Is the mount locked such that it needs to remain connected?"). Mounts the
  new root makes itself are its own to unmount.

  - **Inherited mounts are locked, new ones are not.**
  - **Their flags are locked too** (the kernel selftest
    `unprivileged-remount-test.c`): `lock_mnt_tree()` sets
    `MNT_LOCK_READONLY`, `MNT_LOCK_NOSUID`, ... for each flag a copied mount
    has, and always `MNT_LOCK_ATIME`. A bind remount may add restrictions,
    but not take a locked one off or change the atime mode
    (`can_change_locked_flags()`: `EPERM`, "permission denied"). A bind of a
    locked mount copies the locks. A mount made inside is free.
  - **No moving, no plain bind, no open_tree clone of what is locked; a recursive bind works.**
  - **Shared copies are slaves:** the less privileged side receives
    propagation but never sends it back.
  - **proc cannot be mounted in the new user namespace, tmpfs can:**
    `mount_capable()` asks for `CAP_SYS_ADMIN` over the user namespace that
    owns the PID namespace proc would show; tmpfs is `FS_USERNS_MOUNT`.
  - **No new user namespace from a chroot:** `create_user_ns()` refuses
    (`EPERM`) when the caller's root is not the top of its namespace's root,
    as after a bind mount onto `/`; a plain `unshare -m` does not care.
  - **No id map without /proc:** unshare's error when it cannot open
    `/proc/self/uid_map`.
  - **Nested user namespaces:** a mount made in the first one is its own
    there, and locked in the next. They nest 33 deep below the initial one:
    `create_user_ns()` refuses a parent deeper than 32 (`ENOSPC`).
  - **A recursive clone takes the locked tree whole:** `open_tree` with
    `AT_RECURSIVE` (`open_tree_clone -r`) copies the locked children along,
    where the plain clone was refused. `open_tree` without a clone copies
    nothing, so it reaches a locked tree freely.
  - **No forced unmount of someone else's filesystem:** `MNT_FORCE` asks for
    `CAP_SYS_ADMIN` over the user namespace that owns the superblock
    (`can_umount()`, as on this 6.18 kernel). A bind of an inherited tmpfs
    is our mount, unlocked, but its superblock is not ours: `umount -f` is
    refused (`EPERM`, "must be superuser to unmount"), a plain `umount`
    works, and a tmpfs mounted inside is ours to force. Older kernels, v4.19
    among them, asked `capable(CAP_SYS_ADMIN)`, in the initial user
    namespace, so there not even that tmpfs can be forced: hence the
    `@fails-on` tags.

  Scenario: mounts inherited from a more privileged namespace are locked; new mounts are not
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # unshare -Urm
      # umount /mnt/a
      # umount -l /mnt/a
      # mount -t tmpfs none /mnt/a
      # umount /mnt/a
      # cat /proc/self/mountinfo
      # exit
      """
    Then "unshare -Urm" starts a nested shell
    And the 1st "umount /mnt/a" exits with status 32
    And the 1st "umount /mnt/a" prints on stderr:
      """
      umount: /mnt/a: not mounted.
      """
    And "umount -l /mnt/a" prints on stderr:
      """
      umount: /mnt/a: not mounted.
      """
    And the 2nd "mount -t tmpfs none /mnt/a" succeeds
    And the 2nd "umount /mnt/a" succeeds
    And "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: the flags of an inherited mount are locked: more restrictions are fine, fewer are not
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /mnt/c
      # mount -t tmpfs none /mnt/a
      # mount -o remount,bind,ro,nosuid /mnt/a
      # unshare -Urm
      # mount -o remount,bind,rw /mnt/a
      # mount -o remount,bind,suid /mnt/a
      # mount -o remount,bind,noatime /mnt/a
      # mount -o remount,bind,nodev /mnt/a
      # mount --bind /mnt/a /mnt/b
      # mount -o remount,bind,rw /mnt/b
      # mount -t tmpfs none /mnt/c
      # mount -o remount,bind,ro,noexec,noatime /mnt/c
      # mount -o remount,bind,rw,exec,atime,relatime /mnt/c
      # mount
      # exit
      """
    Then "mount -o remount,bind,rw /mnt/a" exits with status 32
    And "mount -o remount,bind,rw /mnt/a" prints on stderr:
      """
      mount: /mnt/a: permission denied.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount -o remount,bind,suid /mnt/a" exits with status 32
    And "mount -o remount,bind,noatime /mnt/a" exits with status 32
    And "mount -o remount,bind,nodev /mnt/a" succeeds
    And "mount -o remount,bind,rw /mnt/b" exits with status 32
    And "mount -o remount,bind,ro,noexec,noatime /mnt/c" succeeds
    And "mount -o remount,bind,rw,exec,atime,relatime /mnt/c" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (ro,nosuid,nodev,relatime)
      none on /mnt/b type tmpfs (ro,nosuid,nodev,relatime)
      none on /mnt/c type tmpfs (rw,relatime)
      """

  Scenario: a locked mount cannot be moved, bound alone or cloned alone
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /mnt/c
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # unshare -Urm
      # mount --move /mnt/a /mnt/c
      # mount --bind /mnt/a /mnt/b
      # exec 3</mnt/a
      # open_tree_clone 3 ls
      # cat /proc/self/mountinfo
      # exit
      """
    Then "mount --move /mnt/a /mnt/c" exits with status 32
    And "mount --move /mnt/a /mnt/c" prints on stderr:
      """
      mount: /mnt/c: wrong fs type, bad option, bad superblock on /mnt/a, missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --bind /mnt/a /mnt/b" exits with status 32
    And "open_tree_clone 3 ls" exits with status 1
    And "open_tree_clone 3 ls" prints on stderr:
      """
      open_tree_clone: Invalid argument
      """
    And "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/a/x tmpfs none on /mnt/a
      """

  Scenario: a recursive bind keeps the children locked; its own root moves, and a lazy unmount takes them along
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /mnt/c
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # unshare -Urm
      # mount --rbind /mnt/a /mnt/b
      # umount /mnt/b/x
      # umount /mnt/b
      # mount --move /mnt/b /mnt/c
      # cat /proc/self/mountinfo
      # umount -l /mnt/c
      # ls /mnt/c
      # exit
      """
    Then "mount --rbind /mnt/a /mnt/b" succeeds
    And "umount /mnt/b/x" prints on stderr:
      """
      umount: /mnt/b/x: not mounted.
      """
    And "umount /mnt/b" prints on stderr:
      """
      umount: /mnt/b: target is busy.
      """
    And "mount --move /mnt/b /mnt/c" succeeds
    And the 1st "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/a/x tmpfs none on /mnt/a
      /mnt/c tmpfs none on /mnt
      /mnt/c/x tmpfs none on /mnt/c
      """
    And "umount -l /mnt/c" succeeds
    And "ls /mnt/c" prints nothing

  Scenario: copies of shared mounts are slaves: the less privileged side receives, never sends
    When the shell session runs:
      """
      # mkdir /mnt/s
      # mount -t tmpfs none /mnt/s
      # mount --make-shared /mnt/s
      # mkdir /mnt/s/y
      # unshare -Urm --propagation unchanged
      # cat /proc/self/mountinfo
      # mount -t tmpfs none /mnt/s/y
      # exit
      """
    Then "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/s tmpfs none on /mnt master:1
      """
    And "mount -t tmpfs none /mnt/s/y" succeeds
    And after "exit" the mount table with propagation is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/s tmpfs none on /mnt shared:1
      """

  Scenario: in the new user namespace proc cannot be mounted, tmpfs can
    When the shell session runs:
      """
      # mkdir /mnt/p
      # unshare -Urm
      # mount -t proc proc /mnt/p
      # mount -t tmpfs none /mnt/p
      # exit
      """
    Then "mount -t proc proc /mnt/p" exits with status 32
    And "mount -t proc proc /mnt/p" prints on stderr:
      """
      mount: /mnt/p: permission denied.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount -t tmpfs none /mnt/p" succeeds

  Scenario: no new user namespace when the shell's root is not the top of its namespace
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount --bind /mnt /
      # unshare -Urm
      # unshare -m
      # exit
      """
    Then "unshare -Urm" exits with status 1
    And "unshare -Urm" prints on stderr:
      """
      unshare: unshare failed: Operation not permitted
      """
    And "unshare -m" starts a nested shell

  Scenario: without /proc there is no id map to write
    When the shell session runs:
      """
      # umount -l /proc
      # unshare -Urm
      # unshare -m
      # exit
      """
    Then "unshare -Urm" exits with status 1
    And "unshare -Urm" prints on stderr:
      """
      unshare: cannot open /proc/self/uid_map: No such file or directory
      """
    And "unshare -m" starts a nested shell

  Scenario: nested user namespaces: a mount is its maker's own, and locked one level down
    When the shell session runs:
      """
      # unshare -Urm
      # mount -t tmpfs none /mnt
      # unshare -Urm
      # umount /mnt
      # exit
      # umount /mnt
      # umount /mnt
      # exit
      """
    Then the 1st "umount /mnt" prints on stderr:
      """
      umount: /mnt: not mounted.
      """
    And the 2nd "umount /mnt" succeeds
    And the 3rd "umount /mnt" prints on stderr:
      """
      umount: /mnt: not mounted.
      """

  Scenario: a recursive open_tree clone takes the locked tree whole; a plain open_tree copies nothing
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # touch /mnt/a/x/f
      # unshare -Urm
      # exec 3</mnt/a
      # open_tree 3 ls /proc/self/fd/3/x
      # open_tree_clone 3 ls /proc/self/fd/3/x
      # open_tree_clone -r 3 ls /proc/self/fd/3/x
      # exit
      """
    Then "open_tree 3 ls /proc/self/fd/3/x" prints on stdout:
      """
      f
      """
    And "open_tree_clone 3 ls /proc/self/fd/3/x" prints on stderr:
      """
      open_tree_clone: Invalid argument
      """
    And "open_tree_clone -r 3 ls /proc/self/fd/3/x" prints on stdout:
      """
      f
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a bind of an inherited filesystem cannot be forced out; a tmpfs mounted inside can
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # unshare -Urm
      # mount --bind /mnt/a /mnt/b
      # umount -f /mnt/b
      # umount /mnt/b
      # mount -t tmpfs none /mnt/b
      # umount -f /mnt/b
      # exit
      """
    Then the 1st "umount -f /mnt/b" exits with status 32
    And the 1st "umount -f /mnt/b" prints on stderr:
      """
      umount: /mnt/b: must be superuser to unmount.
      """
    And "umount /mnt/b" succeeds
    And the 2nd "umount -f /mnt/b" succeeds

  Scenario: user namespaces nest 33 deep; the 34th unshare -Urm gets ENOSPC
    When the shell session runs:
      """
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # unshare -Urm
      # cat /proc/self/mountinfo
      """
    Then the 33rd "unshare -Urm" starts a nested shell
    And the 34th "unshare -Urm" exits with status 1
    And the 34th "unshare -Urm" prints on stderr:
      """
      unshare: unshare failed: No space left on device
      """
    And "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """
