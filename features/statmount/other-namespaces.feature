@only-on:mainline @only-on:live
Feature: statmount and listmount of another mount namespace, named by its nsfs file (6.11)
  Since 6.11 `struct mnt_id_req` has a `mnt_ns_id`: statmount(2) and
  listmount(2) then look in that mount namespace instead of the caller's.
  A namespace's id differs from boot to boot, so a caller gets it from the
  namespace's nsfs file: `/proc/PID/ns/mnt` opened, then
  `ioctl(fd, NS_GET_MNTNS_ID, &id)` (include/uapi/linux/nsfs.h), the way
  the kernel selftests `tools/testing/selftests/filesystems/statmount/listmount_test.c`
  and `statmount_test.c` do. Ported here in our own words.

  `statmount -n NSFILE ...` and `listmount -n NSFILE ...` do that: open
  NSFILE, ask for its id, pass it as `mnt_id_req.mnt_ns_id`. The checks the
  kernel makes on the way:
  - `ioctl(NS_GET_MNTNS_ID)` is nsfs's (fs/nsfs.c `ns_ioctl()`): on a file
    of any other filesystem it is `ENOTTY` (no ioctls of its own), on the
    file of a namespace of another type (`/proc/self/ns/user`) `EINVAL`;
  - opening `/proc/PID/ns/mnt` asks to look at task PID as ptrace would
    (fs/proc/namespaces.c `proc_ns_get_link()`): from a new user namespace
    the tasks of its parent are out of reach, `EACCES`;
  - a namespace file opened before is a way round that, and the fd keeps the
    namespace alive; but statmount and listmount then ask for
    `CAP_SYS_ADMIN` over the namespace's owning user namespace
    (fs/namespace.c `grab_requested_mnt_ns()` and the `ns_capable()` after
    it): listmount tells a caller without it `ENOENT`, as if there were no
    such namespace; statmount, on the live 6.18.44, `EPERM` (since "statmount:
    permission check should return EPERM", Nov 2025: `ENOENT` before).
  The mount points listed are seen from that namespace's root.

  A mount namespace's file may also be bind-mounted, which keeps the
  namespace alive too; to rule out loops, a namespace may mount only the
  files of namespaces with larger ids than its own (fs/namespace.c
  `mnt_ns_loop()`, checked by `do_loopback()` and, for a tree moved in,
  `check_for_nsfs_mounts()`), and a new namespace's copy leaves such mounts
  out (`copy_tree()` without `CL_COPY_MNT_NS_FILE`). Its own file is always
  refused. Whether a parent's file is refused is not something a transcript
  can rely on: on 6.18 the ids come from per-CPU batches (on this 2-CPU
  machine a namespace made later on one CPU can have a smaller id than one
  made earlier on the other), so `unshare -m sh` then `mount --bind
  /proc/1/ns/mnt F` fails with `EINVAL` or succeeds from run to run. The
  model hands ids out in order, as one CPU would, and always refuses it
  (unit tests cover that, the parent mounting its child's file, and the
  copy that leaves such a mount out).

  Scenario: from a new mount namespace, listmount -n /proc/1/ns/mnt lists the first namespace's mounts, not the new one's
    When the shell session runs:
      """
      # unshare -m sh
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # listmount -n /proc/1/ns/mnt
      # listmount -n /proc/self/ns/mnt
      # exit
      """
    Then "listmount -n /proc/1/ns/mnt" prints, ids renumbered:
      """
      U1 /
      U2 /proc
      U3 /mnt
      """
    And "listmount -n /proc/self/ns/mnt" prints, ids renumbered:
      """
      U1 /
      U2 /proc
      U3 /mnt
      U4 /mnt/a
      """

  Scenario: statmount -n: a path names a mount of the caller's namespace, so in another namespace its id is not found
    When the shell session runs:
      """
      # statmount -n /proc/self/ns/mnt /mnt
      # listmount -n /proc/self/ns/mnt -i 99999999999
      # unshare -m sh
      # statmount -n /proc/1/ns/mnt /mnt
      # exit
      """
    Then "statmount -n /proc/self/ns/mnt /mnt" prints, ids renumbered:
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
    And "listmount -n /proc/self/ns/mnt -i 99999999999" prints on stderr:
      """
      listmount: No such file or directory
      """
    And "statmount -n /proc/1/ns/mnt /mnt" prints on stderr:
      """
      statmount: No such file or directory
      """

  Scenario: NS_GET_MNTNS_ID on a namespace file of another type is EINVAL, on any other file ENOTTY
    When the shell session runs:
      """
      # listmount -n /proc/self/ns/user
      # touch /mnt/plain
      # listmount -n /mnt/plain
      # statmount -n /proc/self/mountinfo /
      # listmount -n /mnt/missing
      """
    Then "listmount -n /proc/self/ns/user" prints on stderr:
      """
      listmount: /proc/self/ns/user: Invalid argument
      """
    And "listmount -n /proc/self/ns/user" exits with status 1
    And "listmount -n /mnt/plain" prints on stderr:
      """
      listmount: /mnt/plain: Inappropriate ioctl for device
      """
    And "statmount -n /proc/self/mountinfo /" prints on stderr:
      """
      statmount: /proc/self/mountinfo: Inappropriate ioctl for device
      """
    And "listmount -n /mnt/missing" prints on stderr:
      """
      listmount: /mnt/missing: No such file or directory
      """

  Scenario: from a new user namespace: /proc/1/ns/mnt will not open, and the first namespace, named by an fd opened before, is refused
    When the shell session runs:
      """
      # exec 5</proc/self/ns/mnt
      # unshare -Urm sh
      # listmount -n /proc/1/ns/mnt
      # listmount -n /proc/self/fd/5
      # statmount -n /proc/self/fd/5 -i 99999999999
      # listmount -n /proc/self/ns/mnt
      # exit
      """
    Then "listmount -n /proc/1/ns/mnt" prints on stderr:
      """
      listmount: /proc/1/ns/mnt: Permission denied
      """
    And "listmount -n /proc/self/fd/5" prints on stderr:
      """
      listmount: No such file or directory
      """
    And "statmount -n /proc/self/fd/5 -i 99999999999" prints on stderr:
      """
      statmount: Operation not permitted
      """
    And "listmount -n /proc/self/ns/mnt" prints, ids renumbered:
      """
      U1 /
      U2 /proc
      U3 /mnt
      """

  Scenario: a namespace's own file cannot be mounted in it: a bind mount is EINVAL, moving a clone of it in ELOOP
    When the shell session runs:
      """
      # touch /mnt/f
      # mount --bind /proc/self/ns/mnt /mnt/f
      # open_tree_clone 3</proc/self/ns/mnt 3 move_mount 3 /mnt/f
      """
    Then "mount --bind /proc/self/ns/mnt /mnt/f" exits with status 32
    And "mount --bind /proc/self/ns/mnt /mnt/f" prints on stderr:
      """
      mount: /mnt/f: wrong fs type, bad option, bad superblock on /proc/self/ns/mnt, missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """
    And "open_tree_clone 3</proc/self/ns/mnt 3 move_mount 3 /mnt/f" prints on stderr:
      """
      move_mount: Too many levels of symbolic links
      """
