@only-on:mainline @only-on:live
Feature: fsopen: a filesystem context, configured before anything is mounted
  Ported, in our own words, from LTP `testcases/kernel/syscalls/fsopen/`
  (fsopen01: open, configure, create, mount and attach; fsopen02: an
  unknown filesystem, bad flags) and the `fsopen(2)` manual page. The
  series of the thread (ver #12, Oct 2018) proposed `fsopen()`; it was
  merged in 5.2 with the ABI these helpers use.

  `fsopen [-c] FSNAME N CMD` calls `fsopen(FSNAME, 0)` (with `-c`,
  `FSOPEN_CLOEXEC`), puts the context on fd N and runs CMD with it, so the
  next program inherits it: `fsconfig N ...` sets its parameters and creates
  the superblock, `fsmount N M CMD` makes a detached mount of it on fd M,
  and the thread's `move_mount M PATH` attaches it. The context's fd is an
  `anon_inode:[fscontext]`: opening it again through `/proc/self/fd/N` is
  `ENXIO`.

  - **The whole road:** fsopen, fsconfig, CMD_CREATE, fsmount, move_mount.
  - **Its errors:** an unknown filesystem (`ENODEV`), a close-on-exec fd that
    the next program never sees.
  - **In a user namespace:** tmpfs can be created there; proc cannot
    (`EPERM` at `CMD_CREATE`, mount_capable()).

  Scenario: fsopen, fsconfig, fsmount and move_mount put a new tmpfs where mount(8) would
    When the shell session runs:
      """
      # mkdir /mnt/a
      # fsopen tmpfs 3 sh
      # fsconfig 3 create
      # fsmount 3 4 sh
      # move_mount 4 /mnt/a
      # exit
      # exit
      # touch /mnt/a/f
      # ls /mnt/a
      """
    Then "fsopen tmpfs 3 sh" starts a nested shell
    And "fsmount 3 4 sh" starts a nested shell
    And "move_mount 4 /mnt/a" succeeds
    And "ls /mnt/a" prints on stdout:
      """
      f
      """
    And after "ls /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: fsopen of a filesystem the kernel does not have is ENODEV
    When the shell session runs:
      """
      # fsopen nosuchfs 3 sh
      """
    Then "fsopen nosuchfs 3 sh" exits with status 1
    And "fsopen nosuchfs 3 sh" prints on stderr:
      """
      fsopen: No such device
      """

  Scenario: with FSOPEN_CLOEXEC the context does not survive the exec of the next program
    When the shell session runs:
      """
      # fsopen -c tmpfs 3 ls /proc/self/fd/3
      # fsopen tmpfs 3 fsconfig 3 create
      """
    Then "fsopen -c tmpfs 3 ls /proc/self/fd/3" exits with status 2
    And "fsopen -c tmpfs 3 ls /proc/self/fd/3" prints on stderr:
      """
      ls: cannot access '/proc/self/fd/3': No such file or directory
      """
    And "fsopen tmpfs 3 fsconfig 3 create" succeeds

  Scenario: a context's fd is listed, but cannot be opened again through /proc/self/fd (ENXIO)
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      # ls /proc/self/fd/3
      # cat /proc/self/fd/3
      # exit
      """
    Then "ls /proc/self/fd/3" prints on stdout:
      """
      /proc/self/fd/3
      """
    And "cat /proc/self/fd/3" exits with status 1
    And "cat /proc/self/fd/3" prints on stderr:
      """
      cat: /proc/self/fd/3: No such device or address
      """

  Scenario: fsopen of proc with its own options, attached under /mnt
    When the shell session runs:
      """
      # mkdir /mnt/p
      # fsopen proc 3 sh
      # fsconfig 3 set_string hidepid invisible
      # fsconfig 3 set_string subset pid
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/p
      # exit
      # statmount /mnt/p
      """
    Then "fsmount 3 4 move_mount 4 /mnt/p" succeeds
    And "statmount /mnt/p" prints, ids renumbered:
      """
      mnt_id: U1
      parent_id: U2
      mnt_id_old: M1
      parent_id_old: M2
      mnt_ns_id: N1
      fs_type: proc
      sb_source: none
      sb_dev: D1
      sb_magic: 0x9fa0
      sb_flags: rw
      mnt_root: /
      mnt_point: /mnt/p
      mnt_attr: relatime
      mnt_opts: hidepid=invisible,subset=pid
      propagation: private
      peer_group: 0
      master: 0
      propagate_from: 0
      """

  Scenario: in a user namespace tmpfs can be created from a context, proc cannot (EPERM at CMD_CREATE)
    When the shell session runs:
      """
      # unshare -Urm sh
      # fsopen proc 3 fsconfig 3 create
      # fsopen tmpfs 3 fsconfig 3 create
      # exit
      """
    Then "fsopen proc 3 fsconfig 3 create" exits with status 1
    And "fsopen proc 3 fsconfig 3 create" prints on stderr:
      """
      fsconfig: Operation not permitted
      """
    And "fsopen tmpfs 3 fsconfig 3 create" succeeds
