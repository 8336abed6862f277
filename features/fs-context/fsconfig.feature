@only-on:mainline @only-on:live
Feature: fsconfig: a context's parameters, its commands, its phases and its message log
  Ported, in our own words, from LTP `testcases/kernel/syscalls/fsconfig/`
  (fsconfig01: setting parameters then `FSCONFIG_CMD_CREATE`; fsconfig02:
  the errors; fsconfig03: parameters after the superblock exists) and tmpfs's
  parameters in `mm/shmem.c`. `FSCONFIG_CMD_CREATE_EXCL` came in 6.6.

  `fsconfig N set_flag KEY`, `fsconfig N set_string KEY VALUE` and
  `fsconfig N create|create_excl|reconfigure` make one `fsconfig(2)` call on
  the context on fd N. A refused parameter is `EINVAL`, and the reason is a
  message in the context's log, which `read(2)` on the fd returns one message
  at a time: `fsread N` prints them all, each "e " (error), "w " (warning)
  or "i " (information) and the text. The log keeps the last 8.

  A context takes parameters until `CMD_CREATE`; after that, a parameter or a
  second create is `EBUSY`. `ro` and `rw` are the superblock's, taken with
  any value; `source` names the mount's source.

  Scenario: tmpfs's size, nr_inodes, mode, uid and gid become the superblock's options
    When the shell session runs:
      """
      # mkdir /mnt/a
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string size 1M
      # fsconfig 3 set_string nr_inodes 100
      # fsconfig 3 set_string mode 700
      # fsconfig 3 set_string uid 1000
      # fsconfig 3 set_string gid 1000
      # fsconfig 3 set_string source mine
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/a
      # exit
      # cat /proc/self/mountinfo
      """
    Then "fsconfig 3 create" succeeds
    And "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs mine on /mnt
      """

  Scenario: a size is rounded up to whole pages, in decimal, octal or hex, with a k/m/g suffix
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /mnt/c
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string size 4097
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/a
      # exit
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string size 0x1000
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/b
      # exit
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string size 1g
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/c
      # exit
      # statmount /mnt/a
      # statmount /mnt/b
      # statmount /mnt/c
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
      mnt_opts: size=8k
      propagation: private
      peer_group: 0
      master: 0
      propagate_from: 0
      """

  Scenario: bad values and unknown keys are EINVAL, each with its reason in the log; a bad uid is logged twice
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string size 1X
      # fsconfig 3 set_string mode 8
      # fsconfig 3 set_string uid x
      # fsconfig 3 set_string foo bar
      # fsconfig 3 set_flag size
      # fsread 3
      # fsread 3
      # exit
      """
    Then "fsconfig 3 set_string size 1X" exits with status 1
    And "fsconfig 3 set_string size 1X" prints on stderr:
      """
      fsconfig: Invalid argument
      """
    And the 1st "fsread 3" prints on stdout:
      """
      e tmpfs: Bad value for 'size'
      e tmpfs: Bad value for 'mode'
      e tmpfs: Bad value for 'uid'
      e tmpfs: Bad value for 'uid'
      e tmpfs: Unknown parameter 'foo'
      e tmpfs: Bad value for 'size'
      """
    And the 2nd "fsread 3" prints nothing

  Scenario: the log keeps the last 8 messages, and reading one takes it out
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string size 1X
      # fsconfig 3 set_string mode 8
      # fsconfig 3 set_string uid x
      # fsconfig 3 set_string gid x
      # fsconfig 3 set_string foo bar
      # fsconfig 3 set_flag size
      # fsconfig 3 set_flag mode
      # fsread 3
      # fsread 3
      # exit
      """
    Then the 1st "fsread 3" prints on stdout:
      """
      e tmpfs: Bad value for 'mode'
      e tmpfs: Bad value for 'uid'
      e tmpfs: Bad value for 'uid'
      e tmpfs: Bad value for 'gid'
      e tmpfs: Bad value for 'gid'
      e tmpfs: Unknown parameter 'foo'
      e tmpfs: Bad value for 'size'
      e tmpfs: Bad value for 'mode'
      """
    And the 2nd "fsread 3" prints nothing

  Scenario: a second source, or a source without a value, is refused by the VFS itself
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string source one
      # fsconfig 3 set_string source two
      # fsconfig 3 set_flag source
      # fsread 3
      # exit
      """
    Then "fsconfig 3 set_string source one" succeeds
    And "fsconfig 3 set_string source two" exits with status 1
    And the 1st "fsread 3" prints on stdout:
      """
      e Multiple sources
      e Non-string source
      """

  Scenario: after CMD_CREATE a parameter or a second create is EBUSY, and CMD_RECONFIGURE before a superblock is too
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      # fsconfig 3 reconfigure
      # fsconfig 3 create_excl
      # fsconfig 3 create
      # fsconfig 3 set_string size 1M
      # fsread 3
      # exit
      """
    Then "fsconfig 3 reconfigure" exits with status 1
    And "fsconfig 3 reconfigure" prints on stderr:
      """
      fsconfig: Device or resource busy
      """
    And "fsconfig 3 create_excl" succeeds
    And "fsconfig 3 create" prints on stderr:
      """
      fsconfig: Device or resource busy
      """
    And "fsconfig 3 set_string size 1M" prints on stderr:
      """
      fsconfig: Device or resource busy
      """
    And "fsread 3" prints nothing

  Scenario: ro makes the superblock read-only (with any value), and nothing can be made on it
    When the shell session runs:
      """
      # mkdir /mnt/a
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string ro anything
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/a
      # exit
      # mkdir /mnt/a/d
      """
    Then "fsconfig 3 set_string ro anything" succeeds
    And "mkdir /mnt/a/d" prints on stderr:
      """
      mkdir: cannot create directory '/mnt/a/d': Read-only file system
      """

  Scenario: fsconfig on an fd that is not open is EBADF, on one that is no context EINVAL
    When the shell session runs:
      """
      # fsconfig 9 create
      # exec 5</mnt
      # fsconfig 5 set_string size 1M
      """
    Then "fsconfig 9 create" prints on stderr:
      """
      fsconfig: Bad file descriptor
      """
    And "fsconfig 5 set_string size 1M" prints on stderr:
      """
      fsconfig: Invalid argument
      """

  Scenario: nr_inodes caps what the filesystem may hold: the root and one directory fill 2 (ENOSPC)
    When the shell session runs:
      """
      # mkdir /mnt/a
      # fsopen tmpfs 3 sh
      # fsconfig 3 set_string nr_inodes 2
      # fsconfig 3 create
      # fsmount 3 4 move_mount 4 /mnt/a
      # exit
      # mkdir /mnt/a/d
      # mkdir /mnt/a/e
      # touch /mnt/a/f
      """
    Then "mkdir /mnt/a/d" succeeds
    And "mkdir /mnt/a/e" prints on stderr:
      """
      mkdir: cannot create directory '/mnt/a/e': No space left on device
      """
    And "touch /mnt/a/f" exits with status 1
