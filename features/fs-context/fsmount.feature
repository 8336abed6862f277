@only-on:mainline @only-on:live
Feature: fsmount: a detached mount of the new superblock, with its mount attributes
  Ported, in our own words, from LTP `testcases/kernel/syscalls/fsmount/`
  (fsmount01: each `MOUNT_ATTR_*`; fsmount02: the errors) and the
  `fsmount(2)` manual page.

  `fsmount [-c] [-o ATTR,...] N M CMD` calls `fsmount(N, flags, attrs)` on
  the context on fd N and puts the result on fd M: like the thread's
  `OPEN_TREE_CLONE` fd, it is an `O_PATH` fd on a mount alone in an
  anonymous namespace, which `move_mount` attaches and whose last close, if
  nothing attached it, dissolves it. The attributes are `rdonly nosuid nodev
  noexec` and one atime mode (`relatime`, the default, `noatime`,
  `strictatime`), and `nodiratime`. Once mounted, the context waits to
  reconfigure that superblock: a second `fsmount` is `EBUSY`.

  Scenario: the mount attributes are the mount's flags, as statmount shows them
    When the shell session runs:
      """
      # mkdir /mnt/a
      # fsopen tmpfs 3 sh
      # fsconfig 3 create
      # fsmount -o rdonly,nosuid,nodev,noexec,noatime,nodiratime,nosymfollow 3 4 move_mount 4 /mnt/a
      # exit
      # statmount /mnt/a
      """
    Then "statmount /mnt/a" prints, ids renumbered:
      """
      mnt_id: U1
      parent_id: U2
      mnt_id_old: M1
      parent_id_old: M2
      mnt_ns_id: N1
      fs_type: tmpfs
      sb_source: none
      sb_dev: D1
      sb_magic: 0x1021994
      sb_flags: rw
      mnt_root: /
      mnt_point: /mnt/a
      mnt_attr: rdonly,nosuid,nodev,noexec,noatime,nodiratime,nosymfollow
      mnt_opts:
      propagation: private
      peer_group: 0
      master: 0
      propagate_from: 0
      """

  Scenario: two atime modes at once are EINVAL, before the fd is looked at
    When the shell session runs:
      """
      # fsmount -o noatime,strictatime 9 4 sh
      # fsmount 9 4 sh
      # fsmount 0 4 sh
      """
    Then "fsmount -o noatime,strictatime 9 4 sh" prints on stderr:
      """
      fsmount: Invalid argument
      """
    And "fsmount 9 4 sh" prints on stderr:
      """
      fsmount: Bad file descriptor
      """
    And "fsmount 0 4 sh" prints on stderr:
      """
      fsmount: Invalid argument
      """

  Scenario: fsmount before CMD_CREATE is EINVAL (no superblock), a second fsmount EBUSY
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      # fsmount 3 4 ls /mnt
      # fsconfig 3 create
      # fsmount 3 4 ls /mnt
      # fsmount 3 4 ls /mnt
      # exit
      """
    Then the 1st "fsmount 3 4 ls /mnt" prints on stderr:
      """
      fsmount: Invalid argument
      """
    And the 2nd "fsmount 3 4 ls /mnt" succeeds
    And the 3rd "fsmount 3 4 ls /mnt" prints on stderr:
      """
      fsmount: Device or resource busy
      """

  Scenario: a mount nobody attached goes with its last fd, and statmount cannot see it (another namespace)
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      # fsconfig 3 create
      # fsmount 3 4 sh
      # statmount /proc/self/fd/4
      # listmount /proc/self/fd/4
      # exit
      # exit
      """
    Then "statmount /proc/self/fd/4" prints on stderr:
      """
      statmount: No such file or directory
      """
    And "listmount /proc/self/fd/4" prints on stderr:
      """
      listmount: No such file or directory
      """
    And after the 2nd "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: with FSMOUNT_CLOEXEC the mount's fd is gone in the next program
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      # fsconfig 3 create
      # fsmount -c 3 4 move_mount 4 /mnt
      # exit
      """
    Then "fsmount -c 3 4 move_mount 4 /mnt" prints on stderr:
      """
      move_mount: Bad file descriptor
      """

  Scenario: after fsmount the same context reconfigures the superblock it mounted
    When the shell session runs:
      """
      # mkdir /mnt/a
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string size 1M
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/a
      # fsconfig 3 set_string size 2M
      # fsconfig 3 reconfigure
      # exit
      # statmount /mnt/a
      """
    Then "fsconfig 3 reconfigure" succeeds
    And "statmount /mnt/a" prints, ids renumbered:
      """
      mnt_id: U1
      parent_id: U2
      mnt_id_old: M1
      parent_id_old: M2
      mnt_ns_id: N1
      fs_type: tmpfs
      sb_source: none
      sb_dev: D1
      sb_magic: 0x1021994
      sb_flags: rw
      mnt_root: /
      mnt_point: /mnt/a
      mnt_attr: relatime
      mnt_opts: size=2048k
      propagation: private
      peer_group: 0
      master: 0
      propagate_from: 0
      """

  Scenario: the fsmount fd keeps the attached mount busy, as the thread's clone fd does
    When the shell session runs:
      """
      # mkdir /mnt/a
      # fsopen tmpfs 3 sh
      # fsconfig 3 create
      # fsmount 3 4 sh
      # move_mount 4 /mnt/a
      # umount /mnt/a
      # exec 4<&-
      # umount /mnt/a
      # exit
      # exit
      """
    Then the 1st "umount /mnt/a" prints on stderr:
      """
      umount: /mnt/a: target is busy.
      """
    And the 2nd "umount /mnt/a" succeeds
