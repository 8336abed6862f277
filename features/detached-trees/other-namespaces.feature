Feature: Detached trees and the namespace they came from (6.15)
  Ported, in our own words, from the kernel selftests added with 6.15's
  detached-mount work (`tools/testing/selftests/mount_setattr/mount_setattr_test.c`:
  `open_tree_detached`, `open_tree_detached_fail`,
  `open_tree_detached_fail2`, `mount_detached_mount_on_detached_mount_and_attach`,
  `move_mount_detached_fail`) and from the series that added them ("fs:
  support mounting detached mounts onto detached mounts", Christian
  Brauner, Feb 2025), which records in each detached tree the namespace it
  was copied from (`seq_origin`).

  Since 6.15 a detached tree is more than a thing to attach: it can be
  cloned again (`open_tree(OPEN_TREE_CLONE)` on its fd) and other detached
  trees can be mounted inside it. Both are allowed only to a task of the
  namespace the tree was copied from (`check_anonymous_mnt()`, used by
  `may_copy_tree()` and `may_use_mount()`). Attaching the tree somewhere
  asks nothing of the sort: the source only has to be the root of a
  detached tree (`anon_ns_root()`), so a task that moved to a new
  namespace can still attach it there.

  - **After `unshare -m`:** the inherited fd's tree cannot be cloned
    (`EINVAL`) and nothing can be mounted inside it (`EINVAL`), but it can
    be attached in the new namespace, with what it holds.
  - **In a new user namespace too:** the tree of the parent's namespace
    attaches, and, unlike the namespace's own copies, its mounts are not
    locked (`lock_mnt_tree()` runs on copies, not on moves).
  - **A tree never goes into itself:** onto its own root, or inside it:
    `EINVAL` (the target is in the source's own namespace).
  - **ver #12 had none of it:** a clone had no namespace at all, and
    `check_mnt()` alone decided; it refuses what 6.15 refuses to the other
    namespace, and also what 6.15 allows in the namespace of origin, hence
    that scenario's `@fails-on` tags.

  Scenario: after unshare -m an inherited detached tree cannot be cloned or mounted on, only attached
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /mnt/d
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub
      # mount -t tmpfs none /mnt/b
      # open_tree_clone 3</mnt/a 3 unshare -m
      # open_tree_clone 3 sh
      # open_tree_clone 4</mnt/b 4 move_mount 4 /proc/self/fd/3/sub
      # move_mount 3 /mnt/d
      # cat /proc/self/mountinfo
      # exit
      """
    Then "open_tree_clone 3 sh" exits with status 1
    And "open_tree_clone 3 sh" prints on stderr:
      """
      open_tree_clone: Invalid argument
      """
    And "open_tree_clone 4</mnt/b 4 move_mount 4 /proc/self/fd/3/sub" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount 3 /mnt/d" succeeds
    And "cat /proc/self/mountinfo" prints the mount table:
      """
      /mnt/d tmpfs none on /mnt
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/b tmpfs none on /mnt
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: in the namespace it came from, a detached tree can be cloned and mounted on
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /mnt/d
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub
      # mount -t tmpfs none /mnt/b
      # touch /mnt/b/on-b
      # open_tree_clone 3</mnt/a 3 sh
      # open_tree_clone 4</mnt/b 4 move_mount 4 /proc/self/fd/3/sub
      # open_tree_clone -r 3 move_mount 3 /mnt/d
      # exit
      # ls /mnt/d/sub
      """
    Then "open_tree_clone 4</mnt/b 4 move_mount 4 /proc/self/fd/3/sub" succeeds
    And "open_tree_clone -r 3 move_mount 3 /mnt/d" succeeds
    And "ls /mnt/d/sub" prints on stdout:
      """
      on-b
      """
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/b tmpfs none on /mnt
      /mnt/d tmpfs none on /mnt
      /mnt/d/sub tmpfs none on /mnt/d
      """

  Scenario: a new user namespace attaches its parent's detached tree, which comes in unlocked
    When the shell session runs:
      """
      # mkdir /mnt/b /mnt/d
      # mount -t tmpfs none /mnt/b
      # open_tree_clone 3</mnt/b 3 unshare -Urm
      # move_mount 3 /mnt/d
      # exec 3<&-
      # umount /mnt/d
      # umount /mnt/b
      # exit
      """
    Then "move_mount 3 /mnt/d" succeeds
    And "umount /mnt/d" succeeds
    And "umount /mnt/b" exits with status 32

  Scenario: a detached tree cannot be mounted on its own root or inside itself
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub
      # open_tree_clone 3</mnt/a 3 sh
      # move_mount -t 3 3
      # move_mount 3 /proc/self/fd/3/sub
      # exit
      """
    Then "move_mount -t 3 3" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount 3 /proc/self/fd/3/sub" prints on stderr:
      """
      move_mount: Invalid argument
      """
