Feature: move_mount(2): attaching a clone, and moving what is already attached
  Ported, in our own words, from LTP `testcases/kernel/syscalls/move_mount/move_mount01.c`
  (attach a detached mount, then unmount it) and `move_mount02.c` (its
  errors: `EBADF`, `ENOENT`, `EINVAL`), and from the kernel selftest
  `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`move_mount_detached_fail`, `mount_detached_mount_on_detached_mount_and_attach`).
  The helper `move_mount N P` is `move_mount(N, "", AT_FDCWD, P,
  MOVE_MOUNT_F_EMPTY_PATH)`.

  `move_mount(2)` and `mount --move` are one function, `do_move_mount()`:
  the fd must name the root of a mount, and that mount is either attached in
  the caller's namespace (then it is moved) or the root of a detached tree
  (then it is attached). The fd keeps naming the same mount afterwards.

  - **A clone attached on a mount point stacks on top:** the tmpfs that was
    there is hidden, not replaced, and comes back when the clone is
    unmounted.
  - **Errors:** a target that does not exist is `ENOENT`; a directory onto a
    file is `EINVAL` (the kernel compares `d_is_dir()` of both before anything
    else); an fd that was closed is `EBADF`, the clone dissolved with it.
  - **Once attached, the fd names an ordinary mount:** a second `move_mount`
    moves it like `mount --move`; onto its own root or a directory inside it
    is `ELOOP`.
  - **Any fd on a mount's root can move it:** an fd from a plain `open(2)`
    moves the mount like the clone's fd does; an fd on a directory that is not
    a mount's root is `EINVAL`; into itself is `ELOOP`. `move_mount(2)` never
    asks where the fd came from.
  - **An attached mount cannot move into a detached tree:** that would take it
    out of the caller's namespace (`EINVAL`), as the selftest's
    `move_mount_detached_fail` checks.
  - **A detached tree can be attached inside another detached tree (6.15+),**
    and attaching the outer one then brings both in. ver #12 (v4.19) allows a
    target only in the caller's namespace (`check_mnt()`): `EINVAL`, hence
    the `@fails-on` tags.
  - **A target inside a lazily unmounted tree is `ENOENT` (6.17+):** the
    target is no longer mounted, and `lock_mount()` says so before any other
    check. ver #12 fails `check_mnt()` first and answers `EINVAL`.

  Scenario: a clone attached on a mount point stacks on top of the mount there
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/one
      # mount -t tmpfs none /b
      # touch /b/two
      # open_tree_clone 3</mnt/a 3 sh
      # move_mount 3 /b
      # ls /b
      # exit
      # umount /b
      # ls /b
      """
    Then "move_mount 3 /b" succeeds
    And the 1st "ls /b" prints on stdout:
      """
      one
      """
    And after "move_mount 3 /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /b tmpfs none on /
      /b tmpfs none on /b
      """
    And "umount /b" succeeds
    And the 2nd "ls /b" prints on stdout:
      """
      two
      """

  Scenario: move_mount refuses a missing target, a file target and a closed fd
    When the shell session runs:
      """
      # touch /f
      # open_tree_clone 3</mnt 3 sh
      # move_mount 3 /nope
      # move_mount 3 /f
      # exec 3<&-
      # move_mount 3 /mnt
      """
    Then "move_mount 3 /nope" exits with status 1
    And "move_mount 3 /nope" prints on stderr:
      """
      move_mount: No such file or directory
      """
    And "move_mount 3 /f" exits with status 1
    And "move_mount 3 /f" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount 3 /mnt" exits with status 1
    And "move_mount 3 /mnt" prints on stderr:
      """
      move_mount: Bad file descriptor
      """
    And after "move_mount 3 /mnt" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: once attached, the clone's fd moves it again, but never into itself
    When the shell session runs:
      """
      # mkdir /b /c
      # open_tree_clone 3</mnt 3 sh
      # move_mount 3 /b
      # move_mount 3 /b
      # move_mount 3 /c
      # mkdir /c/x
      # move_mount 3 /c/x
      """
    Then the 1st "move_mount 3 /b" succeeds
    And the 2nd "move_mount 3 /b" exits with status 1
    And the 2nd "move_mount 3 /b" prints on stderr:
      """
      move_mount: Too many levels of symbolic links
      """
    And "move_mount 3 /c" succeeds
    And after "move_mount 3 /c" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /c tmpfs none on /
      """
    And "move_mount 3 /c/x" exits with status 1
    And "move_mount 3 /c/x" prints on stderr:
      """
      move_mount: Too many levels of symbolic links
      """

  Scenario: an fd opened on an attached mount's root moves it; one below its root cannot
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # exec 3</mnt/a
      # exec 4</mnt/a/x
      # move_mount 3 /mnt/a/x
      # move_mount 4 /b
      # move_mount 3 /b
      """
    Then "move_mount 3 /mnt/a/x" exits with status 1
    And "move_mount 3 /mnt/a/x" prints on stderr:
      """
      move_mount: Too many levels of symbolic links
      """
    And "move_mount 4 /b" exits with status 1
    And "move_mount 4 /b" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount 3 /b" succeeds
    And after "move_mount 3 /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """

  Scenario: an attached mount cannot be moved into a detached tree
    When the shell session runs:
      """
      # mkdir /mnt/x /b
      # open_tree_clone 3</mnt 3 sh
      # move_mount 3 /b
      # open_tree_clone 4</mnt/x 4 sh
      # move_mount 3 /proc/self/fd/4
      """
    Then the 1st "move_mount 3 /b" succeeds
    And "move_mount 3 /proc/self/fd/4" exits with status 1
    And "move_mount 3 /proc/self/fd/4" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And after "move_mount 3 /proc/self/fd/4" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a clone attached inside another clone comes along when that one is attached
    When the shell session runs:
      """
      # mkdir /mnt/x
      # open_tree_clone 3</mnt 3 sh
      # open_tree_clone 4</mnt/x 4 sh
      # move_mount 4 /proc/self/fd/3/x
      # move_mount 3 /mnt/x
      # exit
      # exit
      """
    Then "move_mount 4 /proc/self/fd/3/x" succeeds
    And after "move_mount 4 /proc/self/fd/3/x" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """
    And "move_mount 3 /mnt/x" succeeds
    And after the 2nd "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/x tmpfs none on /mnt
      /mnt/x/x tmpfs none on /mnt/x
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a target inside a lazily unmounted tree is no longer there: ENOENT
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/d
      # exec 4</mnt/a
      # umount -l /mnt/a
      # open_tree_clone 3</mnt 3 sh
      # move_mount 3 /proc/self/fd/4/d
      """
    Then "move_mount 3 /proc/self/fd/4/d" exits with status 1
    And "move_mount 3 /proc/self/fd/4/d" prints on stderr:
      """
      move_mount: No such file or directory
      """
