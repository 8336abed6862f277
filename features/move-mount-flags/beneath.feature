Feature: MOVE_MOUNT_BENEATH: slide a mount under the one on top
  Ported, in our own words, from the kernel selftests of 6.5's
  `MOVE_MOUNT_BENEATH` (`tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  and the `move_mount_beneath` cases of
  `tools/testing/selftests/filesystems/move_mount/`) and from the commit
  that added it ("fs: allow to mount beneath top mount", Christian Brauner,
  6.5), which explains it as the way to replace what is mounted somewhere
  without a moment in which nothing is: mount the new one beneath, then
  unmount the old one on top.

  The dialect's `move_mount` takes the flags as options:
  `move_mount [-p] [-t] [--beneath] [--set-group] [--f-symlinks]
  [--t-symlinks] ... FROM TO`; FROM is an fd (`MOVE_MOUNT_F_EMPTY_PATH`)
  unless `-p` makes it a path. With `--beneath` the source is attached
  where the topmost mount at TO is mounted, and that mount then sits on top
  of the source (`do_lock_mount(..., beneath)`, then the "tucking" of
  `attach_recursive_mnt()`).

  - **Beneath, then unmount the top:** the mount point keeps showing the
    old mount until it is unmounted; then the new one is there, with no
    gap. A detached clone can go beneath as well as an attached mount.
  - **What `can_move_mount_beneath()` refuses (`EINVAL`):** a target that
    is not a mount's root; the caller's root `/`; a target that is an
    ancestor of the source (`/mnt/a/x` beneath `/mnt/a`); a source with
    something mounted on its own root (a "shadow mount"); a locked mount;
    a shared parent that would propagate a copy right back on top.
  - **Into itself is `ELOOP`:** `/mnt` beneath `/mnt/a` would hang `/mnt`
    under its own child.
  - **`--beneath` with `--set-group` is `EINVAL`,** before any lookup.
  - **ver #12 knows neither flag:** `MOVE_MOUNT__MASK` was `0x77`, so
    `--beneath` (`0x200`) is an unknown flag there (`EINVAL`): the
    scenarios where it must succeed, or fail otherwise, carry `@fails-on`
    tags; those that expect `EINVAL` hold there for that other reason.

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a mount moved beneath the top one shows only after the top is unmounted
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/old
      # mount -t tmpfs none /mnt/b
      # touch /mnt/b/new
      # move_mount -p --beneath /mnt/b /mnt/a
      # ls /mnt/a
      # umount /mnt/a
      # ls /mnt/a
      """
    Then "move_mount -p --beneath /mnt/b /mnt/a" succeeds
    And after "move_mount -p --beneath /mnt/b /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt/a
      /mnt/a tmpfs none on /mnt
      """
    And the 1st "ls /mnt/a" prints on stdout:
      """
      old
      """
    And "umount /mnt/a" succeeds
    And the 2nd "ls /mnt/a" prints on stdout:
      """
      new
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a detached clone goes beneath the top mount like an attached one
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/c
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /mnt/c
      # touch /mnt/c/clone
      # open_tree_clone 3</mnt/c 3 sh
      # move_mount --beneath 3 /mnt/a
      # exit
      # umount /mnt/a
      # ls /mnt/a
      """
    Then "move_mount --beneath 3 /mnt/a" succeeds
    And after "move_mount --beneath 3 /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt/a
      /mnt/c tmpfs none on /mnt
      /mnt/a tmpfs none on /mnt
      """
    And "ls /mnt/a" prints on stdout:
      """
      clone
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: beneath a directory that is no mount, beneath / and beneath an ancestor of the source are EINVAL
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/d
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # move_mount -p --beneath /mnt/a /mnt/d
      # move_mount -p --beneath /mnt/a /
      # move_mount -p --beneath /mnt/a/x /mnt/a
      # move_mount -p --beneath /mnt /mnt/a
      """
    Then "move_mount -p --beneath /mnt/a /mnt/d" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --beneath /mnt/a /" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --beneath /mnt/a/x /mnt/a" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --beneath /mnt /mnt/a" exits with status 1
    And "move_mount -p --beneath /mnt /mnt/a" prints on stderr:
      """
      move_mount: Too many levels of symbolic links
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a source with a mount on its own root cannot go beneath: it would leave a shadow mount
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /mnt/b
      # exec 4</mnt/b
      # mount -t tmpfs none /mnt/b
      # move_mount --beneath 4 /mnt/a
      # move_mount -p --beneath /mnt/b /mnt/a
      """
    Then "move_mount --beneath 4 /mnt/a" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --beneath /mnt/b /mnt/a" succeeds

  Scenario: a shared parent whose copy would land on top again refuses to take a mount beneath
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount --make-shared /mnt/a
      # mount --bind /mnt/a /mnt/a
      # mount -t tmpfs none /mnt/b
      # move_mount -p --beneath /mnt/b /mnt/a
      """
    Then "move_mount -p --beneath /mnt/b /mnt/a" exits with status 1
    And "move_mount -p --beneath /mnt/b /mnt/a" prints on stderr:
      """
      move_mount: Invalid argument
      """

  Scenario: in a user namespace a locked mount cannot get anything beneath it
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # unshare -Urm
      # mount -t tmpfs none /mnt/b
      # move_mount -p --beneath /mnt/b /mnt/a
      # exit
      """
    Then "move_mount -p --beneath /mnt/b /mnt/a" prints on stderr:
      """
      move_mount: Invalid argument
      """

  Scenario: --beneath with --set-group, or a flag no kernel knows, is EINVAL before any lookup
    When the shell session runs:
      """
      # move_mount -p --beneath --set-group /nope /mnt
      # move_mount -p -F 400 /nope /mnt
      """
    Then "move_mount -p --beneath --set-group /nope /mnt" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p -F 400 /nope /mnt" prints on stderr:
      """
      move_mount: Invalid argument
      """
