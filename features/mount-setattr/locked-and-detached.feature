@fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
Feature: mount_setattr(2) on locked flags, on whole trees, and on detached trees
  Ported, in our own words, from the kernel selftest
  `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`mount_setattr_recursive` with a locked mount in the middle: "the whole
  call fails and nothing changes"; `mount_setattr_wrong_user_namespace`;
  the detached-mount tests that call it on an `OPEN_TREE_CLONE` fd) and
  from `selftests/mount/unprivileged-remount-test.c`.

  `do_mount_setattr()` takes a mount of our namespace, or the root of a
  detached tree (`anon_ns_root()`): anything else, such as a mount inside
  a detached tree, an unmounted mount, is `EINVAL`. It checks every mount
  it would change first (`mount_setattr_prepare()`), and only then changes
  them all (`mount_setattr_commit()`).

  - **Locked flags (a copy in a less privileged namespace):** after
    `unshare -Urm` the copies' flags are locked as found. Adding a
    restriction is fine; clearing a locked one (`-ro`, `-nosuid`) or
    changing the atime mode (always locked) is `EPERM`.
  - **All or nothing:** with `AT_RECURSIVE`, one locked mount anywhere in
    the tree fails the whole call, and no other mount changed either.
  - **Detached trees:** `-e N` passes fd N with `AT_EMPTY_PATH`: the root
    of an `OPEN_TREE_CLONE` tree takes new flags before it is attached, and
    keeps them when it is; a mount inside the tree (reached through
    `/proc/self/fd/N/x`) is `EINVAL`.
  - **Any detached tree will do:** a shell in a new user namespace can
    change the flags of a tree its parent cloned (the tree's root is all
    `do_mount_setattr()` asks for), though not those of its own copies'
    locked flags. Attached, the clone comes first in mountinfo, which
    lists mounts by id: it was made before `unshare` copied the rest.
  - **`AT_SYMLINK_NOFOLLOW` (`-n`):** `/proc/self/fd/N` is then the link
    in proc, not the tree: `EINVAL`. Without it the link is followed.
  - **Unmounted:** a mount lazily unmounted, held by an fd, is `EINVAL`.

  Scenario: in a user namespace, a locked flag may be added to but not cleared, and atime is locked
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mount_setattr /mnt/a +ro,+nosuid
      # unshare -Urm
      # mount_setattr /mnt/a -ro
      # mount_setattr /mnt/a +nodev
      # mount_setattr /mnt/a -nosuid
      # mount_setattr /mnt/a -atime,+noatime
      # mount
      # exit
      """
    Then "mount_setattr /mnt/a -ro" exits with status 1
    And "mount_setattr /mnt/a -ro" prints on stderr:
      """
      mount_setattr: Operation not permitted
      """
    And "mount_setattr /mnt/a +nodev" succeeds
    And "mount_setattr /mnt/a -nosuid" prints on stderr:
      """
      mount_setattr: Operation not permitted
      """
    And "mount_setattr /mnt/a -atime,+noatime" prints on stderr:
      """
      mount_setattr: Operation not permitted
      """
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (ro,nosuid,nodev,relatime)
      """

  Scenario: AT_RECURSIVE over a tree with one locked flag changes nothing at all
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # mount_setattr /mnt/a/x +ro
      # unshare -Urm
      # mount_setattr -r /mnt -ro,+nodev
      # mount
      # mount_setattr -r /mnt +nodev
      # mount
      # exit
      """
    Then "mount_setattr -r /mnt -ro,+nodev" prints on stderr:
      """
      mount_setattr: Operation not permitted
      """
    And the 1st "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      none on /mnt/a/x type tmpfs (ro,relatime)
      """
    And "mount_setattr -r /mnt +nodev" succeeds
    And the 2nd "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,nodev,relatime)
      none on /mnt/a type tmpfs (rw,nodev,relatime)
      none on /mnt/a/x type tmpfs (ro,nodev,relatime)
      """

  Scenario: a detached tree's root takes new flags before it is attached and keeps them
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # open_tree_clone -r 3</mnt/a 3 sh
      # mount_setattr -e 3 +ro,+noexec
      # mount_setattr /proc/self/fd/3/x +ro
      # move_mount 3 /mnt/b
      # exit
      # mount
      """
    Then "mount_setattr -e 3 +ro,+noexec" succeeds
    And "mount_setattr /proc/self/fd/3/x +ro" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "move_mount 3 /mnt/b" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      none on /mnt/a/x type tmpfs (rw,relatime)
      none on /mnt/b type tmpfs (ro,noexec,relatime)
      none on /mnt/b/x type tmpfs (rw,relatime)
      """

  Scenario: a shell in a new user namespace may change a detached tree its parent cloned
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # open_tree_clone 3</mnt/a 3 unshare -Urm
      # mount_setattr -e 3 +ro
      # move_mount 3 /mnt
      # mount
      # exit
      """
    Then "mount_setattr -e 3 +ro" succeeds
    And "move_mount 3 /mnt" succeeds
    And "mount" prints on stdout:
      """
      none on /mnt type tmpfs (ro,relatime)
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      """

  Scenario: AT_SYMLINK_NOFOLLOW stops at the /proc/self/fd link, which is no mount
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # mount_setattr -n /proc/self/fd/3 +ro
      # mount_setattr /proc/self/fd/3 +ro
      # exit
      """
    Then "mount_setattr -n /proc/self/fd/3 +ro" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr /proc/self/fd/3 +ro" succeeds

  Scenario: a lazily unmounted mount, still held by an fd, cannot take new flags
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # exec 3</mnt/a
      # umount -l /mnt/a
      # mount_setattr -e 3 +ro
      """
    Then "umount -l /mnt/a" succeeds
    And "mount_setattr -e 3 +ro" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
