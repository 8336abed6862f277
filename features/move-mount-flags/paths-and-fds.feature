Feature: move_mount(2)'s lookup flags: fds for either end, and when /proc/self/fd/N is followed
  Ported, in our own words, from LTP
  `testcases/kernel/syscalls/move_mount/move_mount01.c` and `move_mount02.c`
  (every `MOVE_MOUNT_*` lookup flag, `EBADF`, `ENOENT`) and from the
  kernel selftest `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`mount_detached_mount_on_detached_mount_then_close`, which names the
  target by its fd).

  Each end of `move_mount(2)` is a (dirfd, path) pair with its own flags:
  `MOVE_MOUNT_F_EMPTY_PATH`/`T_EMPTY_PATH` let an fd stand for the end
  itself (the dialect: FROM is an fd unless `-p`, TO is a path unless
  `-t`), and the last component of a path is a symlink followed only with
  `MOVE_MOUNT_F_SYMLINKS`/`T_SYMLINKS` (`--f-symlinks`, `--t-symlinks`).
  `/proc/self/fd/N` is such a symlink (a "magic link"): not followed, it
  names the link in proc, which is no directory and no mount's root.

  - **Not followed, `/proc/self/fd/N` is refused (`EINVAL`),** as a target
    (a directory onto a link) and as a source (not a mount's root);
    followed, it is the fd's mount: here a detached tree attached on the
    root of another detached tree (6.15+; ver #12 takes targets only in
    the caller's namespace, hence that scenario's `@fails-on` tags). The
    link itself lands on the tree's own root, under what is now mounted
    there: `ls /proc/self/fd/3` still lists the old root (a jump through a
    magic link crosses no mount, and neither does `.`).
  - **`-t`: the target named by an fd** (`MOVE_MOUNT_T_EMPTY_PATH`): the
    mount goes on top of the mount the fd is on, as on its path.
  - **Bad fds are `EBADF`,** for either end.
  - **Since 6.15 the target is looked up first** (`getname_maybe_null()`
    for both names, then the target, then the source): a bad target fd
    with a missing source path is `EBADF`, where 5.2–6.14 (and ver #12)
    looked up the source first and answered `ENOENT`.

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: /proc/self/fd/N as the target is the link unless MOVE_MOUNT_T_SYMLINKS follows it
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub
      # mount -t tmpfs none /mnt/b
      # touch /mnt/b/on-b
      # open_tree_clone 3</mnt/a 3 open_tree_clone 4</mnt/b 4 sh
      # move_mount 4 /proc/self/fd/3
      # move_mount --t-symlinks 4 /proc/self/fd/3
      # ls /proc/self/fd/3
      # exit
      """
    Then "move_mount 4 /proc/self/fd/3" exits with status 1
    And "move_mount 4 /proc/self/fd/3" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount --t-symlinks 4 /proc/self/fd/3" succeeds
    And "ls /proc/self/fd/3" prints on stdout:
      """
      sub
      """

  Scenario: /proc/self/fd/N as the source is the link unless MOVE_MOUNT_F_SYMLINKS follows it
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/c
      # mount -t tmpfs none /mnt/a
      # open_tree_clone 3</mnt/a 3 sh
      # move_mount -p /proc/self/fd/3 /mnt/c
      # move_mount -p --f-symlinks /proc/self/fd/3 /mnt/c
      # exit
      """
    Then "move_mount -p /proc/self/fd/3 /mnt/c" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --f-symlinks /proc/self/fd/3 /mnt/c" succeeds
    And after "move_mount -p --f-symlinks /proc/self/fd/3 /mnt/c" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/c tmpfs none on /mnt
      """

  Scenario: with MOVE_MOUNT_T_EMPTY_PATH an fd names the target, and the mount goes on top of that mount
    When the shell session runs:
      """
      # mkdir /mnt/b /d
      # mount -t tmpfs none /mnt/b
      # exec 5</mnt/b
      # mount -t tmpfs none /d
      # touch /d/moved
      # move_mount -p -t /d 5
      # ls /mnt/b
      """
    Then "move_mount -p -t /d 5" succeeds
    And after "move_mount -p -t /d 5" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/b tmpfs none on /mnt
      /mnt/b tmpfs none on /mnt/b
      """
    And "ls /mnt/b" prints on stdout:
      """
      moved
      """

  Scenario: a closed fd at either end is EBADF
    When the shell session runs:
      """
      # move_mount 9 /mnt
      # move_mount -p -t /mnt 9
      """
    Then "move_mount 9 /mnt" prints on stderr:
      """
      move_mount: Bad file descriptor
      """
    And "move_mount -p -t /mnt 9" prints on stderr:
      """
      move_mount: Bad file descriptor
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: since 6.15 the target is looked up before the source
    When the shell session runs:
      """
      # move_mount -p -t /nope 9
      # move_mount -p /nope /nope2
      """
    Then "move_mount -p -t /nope 9" prints on stderr:
      """
      move_mount: Bad file descriptor
      """
    And "move_mount -p /nope /nope2" prints on stderr:
      """
      move_mount: No such file or directory
      """
