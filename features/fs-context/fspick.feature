@only-on:mainline @only-on:live
Feature: fspick: a context for reconfiguring a mounted superblock
  Ported, in our own words, from LTP `testcases/kernel/syscalls/fspick/`
  (fspick01: pick and reconfigure; fspick02: the errors) and tmpfs's
  `shmem_reconfigure()` in `mm/shmem.c`.

  `fspick [-c] [-s] [-a] PATH N CMD` calls `fspick(AT_FDCWD, PATH, flags)`
  (`-c` `FSPICK_CLOEXEC`, `-s` `FSPICK_SYMLINK_NOFOLLOW`, `-a`
  `FSPICK_NO_AUTOMOUNT`) and puts the context on fd N. PATH must be the root
  of a mount. The context takes parameters, then `CMD_RECONFIGURE` applies
  them to the superblock (every mount of it sees the change); `CMD_CREATE`
  and `fsmount` are `EBUSY` there. A refused reconfiguration leaves the
  context failed: every later command is `EBUSY`.

  Scenario: fspick and CMD_RECONFIGURE change a mounted tmpfs's size
    When the shell session runs:
      """
      # fspick /mnt 3 sh
      # fsconfig 3 set_string size 4M
      # fsconfig 3 reconfigure
      # exit
      # statmount /mnt
      """
    Then "fsconfig 3 reconfigure" succeeds
    And "statmount /mnt" prints, ids renumbered:
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
      mnt_opts: size=4096k
      propagation: private
      peer_group: 0
      master: 0
      propagate_from: 0
      """

  Scenario: ro through fspick makes the superblock read-only for every mount of it, rw undoes it
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount --bind /mnt/a /mnt/b
      # fspick /mnt/a 3 sh
      # fsconfig 3 set_flag ro
      # fsconfig 3 reconfigure
      # mkdir /mnt/b/d
      # fsconfig 3 set_flag rw
      # fsconfig 3 reconfigure
      # mkdir /mnt/b/e
      # exit
      """
    Then "mkdir /mnt/b/d" prints on stderr:
      """
      mkdir: cannot create directory '/mnt/b/d': Read-only file system
      """
    And "mkdir /mnt/b/e" succeeds

  Scenario: fspick of a path that is not a mount's root is EINVAL, of a missing one ENOENT
    When the shell session runs:
      """
      # mkdir /mnt/d
      # fspick /mnt/d 3 sh
      # fspick /mnt/nothing 3 sh
      """
    Then "fspick /mnt/d 3 sh" prints on stderr:
      """
      fspick: Invalid argument
      """
    And "fspick /mnt/nothing 3 sh" prints on stderr:
      """
      fspick: No such file or directory
      """

  Scenario: a picked context cannot create a superblock or be mounted (EBUSY)
    When the shell session runs:
      """
      # fspick /mnt 3 sh
      # fsconfig 3 create
      # fsmount 3 4 sh
      # exit
      """
    Then "fsconfig 3 create" prints on stderr:
      """
      fsconfig: Device or resource busy
      """
    And "fsmount 3 4 sh" prints on stderr:
      """
      fsmount: Device or resource busy
      """

  Scenario: too few inodes for what the tmpfs holds: the reconfiguration fails, and so does everything after it
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # fspick /mnt 3 sh
      # fsconfig 3 set_string nr_inodes 2
      # fsconfig 3 reconfigure
      # fsread 3
      # fsconfig 3 set_string nr_inodes 10
      # exit
      """
    Then "fsconfig 3 reconfigure" prints on stderr:
      """
      fsconfig: Invalid argument
      """
    And "fsread 3" prints on stdout:
      """
      e tmpfs: Too few inodes for current use
      """
    And "fsconfig 3 set_string nr_inodes 10" prints on stderr:
      """
      fsconfig: Device or resource busy
      """

  Scenario: a tmpfs made without a size limit cannot be given one (Cannot retroactively limit size)
    When the shell session runs:
      """
      # mkdir /mnt/a
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string size 0
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/a
      # exit
      # fspick /mnt/a 3 sh
      # fsconfig 3 set_string size 1M
      # fsconfig 3 reconfigure
      # fsread 3
      # exit
      """
    Then "fsconfig 3 reconfigure" exits with status 1
    And "fsread 3" prints on stdout:
      """
      e tmpfs: Cannot retroactively limit size
      """

  Scenario: FSPICK_SYMLINK_NOFOLLOW stops at a /proc/self/fd link, which is no mount's root
    When the shell session runs:
      """
      # exec 5</mnt
      # fspick -s /proc/self/fd/5 3 sh
      # fspick /proc/self/fd/5 3 fsconfig 3 reconfigure
      """
    Then "fspick -s /proc/self/fd/5 3 sh" prints on stderr:
      """
      fspick: Invalid argument
      """
    And "fspick /proc/self/fd/5 3 fsconfig 3 reconfigure" succeeds

  Scenario: in a user namespace a superblock of the initial one cannot be reconfigured (EPERM), and the context fails
    When the shell session runs:
      """
      # unshare -Urm sh
      # fspick /mnt 3 sh
      # fsconfig 3 reconfigure
      # fsconfig 3 reconfigure
      # exit
      # exit
      """
    Then the 1st "fsconfig 3 reconfigure" prints on stderr:
      """
      fsconfig: Operation not permitted
      """
    And the 2nd "fsconfig 3 reconfigure" prints on stderr:
      """
      fsconfig: Device or resource busy
      """
