@only-on:mainline @only-on:live
Feature: listmount: the mounts below a mount, in id order (6.8)
  Ported, in our own words, from the kernel selftests
  `tools/testing/selftests/filesystems/statmount/listmount_test.c` and
  `statmount_test.c` (listing a tree, `LISTMOUNT_REVERSE`, continuing after
  the last id) and LTP `testcases/kernel/syscalls/listmount/`.

  `listmount [-r] [PATH | -i ID]` lists the unique ids of the mounts below
  the mount at PATH (or ID; with neither, `LSMT_ROOT`: every mount the
  caller's root reaches, that root included), 4 at a time, each call
  starting after the last id seen, as a careful caller does; with `-r`,
  `LISTMOUNT_REVERSE`. Each line is an id (renumbered here, U1..) and the
  mount point statmount gives for it.

  Scenario: LSMT_ROOT lists every mount the root reaches, in the order they were made
    When the shell session runs:
      """
      # listmount
      """
    Then "listmount" prints, ids renumbered:
      """
      U1 /
      U2 /proc
      U3 /mnt
      """

  Scenario: below a mount: its children and theirs, not itself, and reversed with LISTMOUNT_REVERSE
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/c
      # mount -t tmpfs none /mnt/a/c
      # mount -t tmpfs none /mnt/b
      # listmount /mnt
      # listmount -r /mnt
      # listmount /mnt/b
      """
    Then "listmount /mnt" prints, ids renumbered:
      """
      U1 /mnt/a
      U2 /mnt/a/c
      U3 /mnt/b
      """
    And "listmount -r /mnt" prints, ids renumbered:
      """
      U1 /mnt/b
      U2 /mnt/a/c
      U3 /mnt/a
      """
    And "listmount /mnt/b" prints nothing

  Scenario: more mounts than one call asks for: the next call starts after the last id
    When the shell session runs:
      """
      # mkdir /mnt/1 /mnt/2 /mnt/3 /mnt/4 /mnt/5 /mnt/6
      # mount -t tmpfs none /mnt/1
      # mount -t tmpfs none /mnt/2
      # mount -t tmpfs none /mnt/3
      # mount -t tmpfs none /mnt/4
      # mount -t tmpfs none /mnt/5
      # mount -t tmpfs none /mnt/6
      # listmount /mnt
      """
    Then "listmount /mnt" prints, ids renumbered:
      """
      U1 /mnt/1
      U2 /mnt/2
      U3 /mnt/3
      U4 /mnt/4
      U5 /mnt/5
      U6 /mnt/6
      """

  Scenario: a new id for a mount made again: unique ids are never reused, so the new one comes last
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /mnt/b
      # umount /mnt/a
      # mount -t tmpfs none /mnt/a
      # listmount /mnt
      """
    Then "listmount /mnt" prints, ids renumbered:
      """
      U1 /mnt/b
      U2 /mnt/a
      """

  Scenario: a bad parent id is EINVAL, an unknown one ENOENT, a detached mount's ENOENT
    When the shell session runs:
      """
      # listmount -i 1
      # listmount -i 99999999999
      # open_tree_clone 3</mnt 3 listmount /proc/self/fd/3
      """
    Then "listmount -i 1" prints on stderr:
      """
      listmount: Invalid argument
      """
    And "listmount -i 99999999999" prints on stderr:
      """
      listmount: No such file or directory
      """
    And "open_tree_clone 3</mnt 3 listmount /proc/self/fd/3" prints on stderr:
      """
      listmount: No such file or directory
      """

  Scenario: after a lazy unmount the tree is gone from the list
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # umount -l /mnt
      # listmount
      """
    Then "listmount" prints, ids renumbered:
      """
      U1 /
      U2 /proc
      """
