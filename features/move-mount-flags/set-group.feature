Feature: MOVE_MOUNT_SET_GROUP: join a private mount to another's peer group
  Ported, in our own words, from the kernel selftest
  `tools/testing/selftests/move_mount_set_group/move_mount_set_group_test.c`
  (`basic`, `complex_sharing_copying`) and from the commit that added the
  flag ("move_mount: allow to add a mount into an existing group", Pavel
  Tikhomirov, 5.15), written for CRIU: a restored tree has its mounts, and
  then needs its sharing back, without binding anything again.

  `move_mount --set-group FROM TO` moves nothing. It makes the private
  mount TO a member of FROM's peer group, and a slave of FROM's master if
  FROM is a slave: as if TO had been bound from FROM. `do_set_group()`
  asks, in order:

  - both mounted (`EINVAL`), in namespaces we may change (`EPERM`);
  - both mount roots (`EINVAL`), of the same superblock (`EINVAL`);
  - FROM's root at or above TO's (`is_subdir()`), with no locked child of
    FROM at TO's root (`EINVAL`);
  - TO private, neither shared nor slave (`EINVAL`), and FROM not private
    (`EINVAL`).

  - **Joined, it propagates:** a mount under one peer appears under the
    other; mountinfo shows one `shared:N` for both.
  - **From a slave:** TO becomes a slave of the same master (`master:N`).
  - **Across mount namespaces:** an fd on a shared mount of the namespace
    we came from joins a mount of our new namespace to that group, and
    mounts propagate between the namespaces again.
  - **ver #12 had no `SET_GROUP`** (`0x100` is outside its
    `MOVE_MOUNT__MASK`, `EINVAL`): the scenarios where it must succeed
    carry `@fails-on` tags.

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a private bind joins the shared mount's group, and then receives its mounts
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/e
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub
      # mount --make-shared /mnt/a
      # mount --bind /mnt/a /mnt/e
      # mount --make-private /mnt/e
      # move_mount -p --set-group /mnt/a /mnt/e
      # mount -t tmpfs none /mnt/a/sub
      # cat /proc/self/mountinfo
      # move_mount -p --set-group /mnt/a /mnt/e
      """
    Then the 1st "move_mount -p --set-group /mnt/a /mnt/e" succeeds
    And "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt shared:1
      /mnt/e tmpfs none on /mnt shared:1
      /mnt/a/sub tmpfs none on /mnt/a shared:2
      /mnt/e/sub tmpfs none on /mnt/e shared:2
      """
    And the 2nd "move_mount -p --set-group /mnt/a /mnt/e" exits with status 1
    And the 2nd "move_mount -p --set-group /mnt/a /mnt/e" prints on stderr:
      """
      move_mount: Invalid argument
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a mount set into a slave's group becomes a slave of the same master
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/e /mnt/c
      # mount -t tmpfs none /mnt/a
      # mount --make-shared /mnt/a
      # mount --bind /mnt/a /mnt/e
      # mount --make-slave /mnt/e
      # mount --bind /mnt/e /mnt/c
      # mount --make-private /mnt/c
      # move_mount -p --set-group /mnt/e /mnt/c
      # cat /proc/self/mountinfo
      """
    Then "move_mount -p --set-group /mnt/e /mnt/c" succeeds
    And "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt shared:1
      /mnt/e tmpfs none on /mnt master:1
      /mnt/c tmpfs none on /mnt master:1
      """

  Scenario: from a private mount, onto a shared one, or across superblocks, set-group is EINVAL
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /mnt/c
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /mnt/b
      # mount --bind /mnt/a /mnt/c
      # move_mount -p --set-group /mnt/a /mnt/c
      # mount --make-shared /mnt/a
      # mount --make-shared /mnt/c
      # move_mount -p --set-group /mnt/a /mnt/c
      # move_mount -p --set-group /mnt/a /mnt/b
      """
    Then the 1st "move_mount -p --set-group /mnt/a /mnt/c" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And the 2nd "move_mount -p --set-group /mnt/a /mnt/c" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --set-group /mnt/a /mnt/b" prints on stderr:
      """
      move_mount: Invalid argument
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: FROM must show at least what TO shows, and both must be mount roots
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/f /mnt/g
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub
      # mount --bind /mnt/a/sub /mnt/f
      # mount --make-shared /mnt/f
      # mount --bind /mnt/a /mnt/g
      # move_mount -p --set-group /mnt/f /mnt/g
      # mount --make-shared /mnt/a
      # move_mount -p --set-group /mnt/a/sub /mnt/g
      # mount --make-private /mnt/f
      # move_mount -p --set-group /mnt/a /mnt/f
      # cat /proc/self/mountinfo
      """
    Then "move_mount -p --set-group /mnt/f /mnt/g" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --set-group /mnt/a/sub /mnt/g" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --set-group /mnt/a /mnt/f" succeeds
    And "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt shared:1
      /mnt/f tmpfs none on /mnt shared:1
      /mnt/g tmpfs none on /mnt
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: an fd from the old namespace joins a mount of the new one to its group, and mounts propagate across
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub
      # mount --make-shared /mnt/a
      # exec 4</mnt/a
      # unshare -m
      # move_mount --set-group 4 /mnt/a
      # mount -t tmpfs none /mnt/a/sub
      # exit
      # cat /proc/self/mountinfo
      """
    Then "move_mount --set-group 4 /mnt/a" succeeds
    And "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt shared:1
      /mnt/a/sub tmpfs none on /mnt/a shared:2
      """
