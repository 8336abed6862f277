@fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
Feature: open_tree_attr(2): a clone that is born with its attributes
  Ported, in our own words, from the kernel selftest
  `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`open_tree_attr`, `open_tree_attr_idmap`... the 6.15 tests) and from
  LTP `testcases/kernel/syscalls/open_tree/open_tree01.c`, whose clone it
  gives attributes.

  `open_tree_attr(2)` (Linux 6.15) is `open_tree(2)` plus a
  `struct mount_attr`: the attributes are applied to what it opened before
  the fd exists, so nobody ever sees the clone without them. In the dialect
  it is one more program in the style of `open_tree`:
  `open_tree_attr [-c] [-r] [-s SIZE] N SPEC CMD`, N opened by the shell's
  `N<P`, `-c` `OPEN_TREE_CLONE`, `-r` `AT_RECURSIVE`, SPEC as for
  `mount_setattr` (`-` for a NULL struct); then CMD runs with the new fd on N.

  - **Born read-only:** `-c N +ro,+nosuid` attaches read-only and nosuid;
    the source mount is unchanged. With `-r` the whole cloned tree gets
    them, as `AT_RECURSIVE` does for `mount_setattr`.
  - **Without `OPEN_TREE_CLONE`** the attributes go on the mount itself, a
    mount of our namespace; on a directory that is not a mount's root it
    is `EINVAL`, and then there is no fd.
  - **The struct:** `-` (NULL, size 0) is plain `open_tree`; a size
    without a struct is `EINVAL`; under 32 bytes `EINVAL`, over a page
    `E2BIG`; unknown bits `EINVAL`; `-r` without `-c` is `open_tree`'s own
    `EINVAL`.
  - **A fresh clone may lose an idmapping (`-idmap`):** what
    `mount_setattr` refuses (`EINVAL`) is allowed here, since nobody has
    seen it (`MOUNT_KATTR_IDMAP_REPLACE`). The initial namespace is still
    `EPERM`. Dropping one is a change of idmapping all the same
    (`can_idmap_mount()` sees `nop_mnt_idmap`, not "nothing asked"): it
    needs a filesystem that allows idmappings (proc does not: `EINVAL`)
    and a superblock our user namespace owns (`EPERM` in `unshare -Urm`
    for a tmpfs mounted before it; a tmpfs mounted inside is fine).
  - **A failure leaves nothing:** the clone goes with the file, and the
    mount table is as before.

  Scenario: a clone opened with +ro,+nosuid attaches read-only while its source stays writable
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # open_tree_attr -c 3 +ro,+nosuid sh 3</mnt/a
      # move_mount 3 /mnt/b
      # exit
      # mount
      # touch /mnt/b/f
      # touch /mnt/a/f
      """
    Then "open_tree_attr -c 3 +ro,+nosuid sh 3</mnt/a" starts a nested shell
    And "move_mount 3 /mnt/b" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      none on /mnt/b type tmpfs (ro,nosuid,relatime)
      """
    And "touch /mnt/b/f" exits with status 1
    And "touch /mnt/a/f" succeeds

  Scenario: with AT_RECURSIVE the whole cloned tree is born read-only
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/c
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # open_tree_attr -c -r 3 +ro sh 3</mnt/a
      # move_mount 3 /mnt/c
      # exit
      # mount
      """
    Then "move_mount 3 /mnt/c" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      none on /mnt/a/x type tmpfs (rw,relatime)
      none on /mnt/c type tmpfs (ro,relatime)
      none on /mnt/c/x type tmpfs (ro,relatime)
      """

  Scenario: without OPEN_TREE_CLONE the attributes go on the mount itself, which must be a mount's root
    When the shell session runs:
      """
      # mkdir /mnt/a /d
      # mount -t tmpfs none /mnt/a
      # open_tree_attr 3 +noexec sh 3</mnt/a
      # exit
      # mount
      # open_tree_attr 3 +noexec sh 3</d
      """
    Then "open_tree_attr 3 +noexec sh 3</mnt/a" starts a nested shell
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,noexec,relatime)
      """
    And "open_tree_attr 3 +noexec sh 3</d" exits with status 1
    And "open_tree_attr 3 +noexec sh 3</d" prints on stderr:
      """
      open_tree_attr: Invalid argument
      """

  Scenario: the struct's checks: NULL, a size without a struct, too small, too big, unknown bits
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # open_tree_attr -c -s 32 3 - sh 3</mnt/a
      # open_tree_attr -c -s 8 3 +ro sh 3</mnt/a
      # open_tree_attr -c -s 5000 3 +ro sh 3</mnt/a
      # open_tree_attr -c 3 +0x400000 sh 3</mnt/a
      # open_tree_attr -r 3 +ro sh 3</mnt/a
      # cat /proc/self/mountinfo
      # open_tree_attr -c 3 - sh 3</mnt/a
      # exit
      """
    Then "open_tree_attr -c -s 32 3 - sh 3</mnt/a" prints on stderr:
      """
      open_tree_attr: Invalid argument
      """
    And "open_tree_attr -c -s 8 3 +ro sh 3</mnt/a" prints on stderr:
      """
      open_tree_attr: Invalid argument
      """
    And "open_tree_attr -c -s 5000 3 +ro sh 3</mnt/a" prints on stderr:
      """
      open_tree_attr: Argument list too long
      """
    And "open_tree_attr -c 3 +0x400000 sh 3</mnt/a" prints on stderr:
      """
      open_tree_attr: Invalid argument
      """
    And "open_tree_attr -r 3 +ro sh 3</mnt/a" prints on stderr:
      """
      open_tree_attr: Invalid argument
      """
    And "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """
    And "open_tree_attr -c 3 - sh 3</mnt/a" starts a nested shell

  Scenario: a fresh clone may drop an idmapping that mount_setattr would have to keep
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # exec 5</proc/self/ns/user
      # open_tree_attr -c 3 -idmap sh 3</mnt/a
      # mount_setattr -e 3 -idmap
      # exit
      # open_tree_attr -c 3 +idmap:5,-idmap sh 3</mnt/a
      """
    Then "open_tree_attr -c 3 -idmap sh 3</mnt/a" starts a nested shell
    And "mount_setattr -e 3 -idmap" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "open_tree_attr -c 3 +idmap:5,-idmap sh 3</mnt/a" prints on stderr:
      """
      open_tree_attr: Operation not permitted
      """

  Scenario: dropping an idmapping needs what setting one needs: a filesystem that allows it, a superblock we own
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /mnt/c
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /mnt/b
      # mkdir /mnt/a/p
      # mount -t proc proc /mnt/a/p
      # open_tree_attr -c -r 3 -idmap sh 3</mnt/a
      # unshare -Urm
      # open_tree_attr -c 3 -idmap sh 3</mnt/b
      # mount -t tmpfs none /mnt/c
      # open_tree_attr -c 3 -idmap sh 3</mnt/c
      """
    Then "open_tree_attr -c -r 3 -idmap sh 3</mnt/a" prints on stderr:
      """
      open_tree_attr: Invalid argument
      """
    And "open_tree_attr -c 3 -idmap sh 3</mnt/b" prints on stderr:
      """
      open_tree_attr: Operation not permitted
      """
    And "open_tree_attr -c 3 -idmap sh 3</mnt/c" starts a nested shell

  Scenario: a shared clone keeps its new group when attached, and mount_setattr still works on its fd
    When the shell session runs:
      """
      # mkdir /mnt/a /d
      # mount -t tmpfs none /mnt/a
      # open_tree_attr -c 3 +ro,shared sh 3</mnt/a
      # mount_setattr -e 3 -ro
      # move_mount 3 /d
      # exit
      # cat /proc/self/mountinfo
      # mount
      """
    Then "move_mount 3 /d" succeeds
    And "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /d tmpfs none on / shared:1
      """
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      none on /d type tmpfs (rw,relatime)
      """
