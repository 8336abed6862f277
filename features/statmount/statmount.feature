@only-on:mainline @only-on:live
Feature: statmount: one mount's fields, by its unique id (6.8)
  Ported, in our own words, from the kernel selftests
  `tools/testing/selftests/filesystems/statmount/statmount_test.c` (the
  basic fields, mount root and point, fs type, propagation, bad ids) and LTP
  `testcases/kernel/syscalls/statmount/`. statmount came in 6.8, with
  64-bit mount ids that are never reused; `mnt_ns_id` in 6.11.

  `statmount PATH` asks `statx(PATH, STATX_MNT_ID_UNIQUE)` for the unique id
  of the mount PATH is on, then `statmount(2)` for its fields; `statmount -i
  ID` names the id itself. It prints one "key: value" a line (the README has
  the format). The ids say only "which one": here they are renumbered in
  order of appearance (U unique ids, M the old reused ids mountinfo shows, N
  namespaces, D devices, G peer groups; 0 is "none").

  Scenario: a tmpfs under /mnt: ids, type, source, device, root, mount point, attributes, propagation
    When the shell session runs:
      """
      # statmount /mnt
      """
    Then "statmount /mnt" prints, ids renumbered:
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
      mnt_point: /mnt
      mnt_attr: relatime
      mnt_opts:
      propagation: private
      peer_group: 0
      master: 0
      propagate_from: 0
      """

  Scenario: a shared mount shows its peer group; its slave shows the master, and propagate_from even when it is the master
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount --make-shared /mnt/a
      # mount --bind /mnt/a /mnt/b
      # mount --make-slave /mnt/b
      # statmount /mnt/a
      # statmount /mnt/b
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
      mnt_attr: relatime
      mnt_opts:
      propagation: shared
      peer_group: G1
      master: 0
      propagate_from: 0
      """
    And "statmount /mnt/b" prints, ids renumbered:
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
      mnt_point: /mnt/b
      mnt_attr: relatime
      mnt_opts:
      propagation: slave
      peer_group: 0
      master: G1
      propagate_from: G1
      """

  Scenario: a read-only bind of a subdirectory: its root is the subdirectory, the mount is read-only, the superblock is not
    When the shell session runs:
      """
      # mkdir /mnt/sub /run/b
      # mount --bind /mnt/sub /run/b
      # mount -o remount,bind,ro /run/b
      # statmount /run/b
      """
    Then "statmount /run/b" prints, ids renumbered:
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
      mnt_root: /sub
      mnt_point: /run/b
      mnt_attr: rdonly,relatime
      mnt_opts:
      propagation: private
      peer_group: 0
      master: 0
      propagate_from: 0
      """

  Scenario: proc on /proc: its magic, its source
    When the shell session runs:
      """
      # statmount /proc
      """
    Then "statmount /proc" prints, ids renumbered:
      """
      mnt_id: U1
      parent_id: U2
      mnt_id_old: M1
      parent_id_old: M2
      mnt_ns_id: N1
      fs_type: proc
      sb_source: proc
      sb_dev: D1
      sb_magic: 0x9fa0
      sb_flags: rw
      mnt_root: /
      mnt_point: /proc
      mnt_attr: relatime
      mnt_opts:
      propagation: private
      peer_group: 0
      master: 0
      propagate_from: 0
      """

  Scenario: an id at or below 2^31 is EINVAL, one that names no mount ENOENT, a missing path ENOENT from statx
    When the shell session runs:
      """
      # statmount -i 1
      # statmount -i 99999999999
      # statmount /mnt/nothing
      """
    Then "statmount -i 1" prints on stderr:
      """
      statmount: Invalid argument
      """
    And "statmount -i 99999999999" prints on stderr:
      """
      statmount: No such file or directory
      """
    And "statmount /mnt/nothing" prints on stderr:
      """
      statmount: /mnt/nothing: No such file or directory
      """

  Scenario: a detached clone lives in another (anonymous) namespace: statmount of it is ENOENT
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 statmount /proc/self/fd/3
      """
    Then "open_tree_clone 3</mnt 3 statmount /proc/self/fd/3" prints on stderr:
      """
      statmount: No such file or directory
      """
