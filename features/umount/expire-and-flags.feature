Feature: umount2's other flags: MNT_EXPIRE, UMOUNT_NOFOLLOW, MNT_FORCE
  Ported, in our own words, from LTP
  `testcases/kernel/syscalls/umount2/umount2_02.c` ("Test for feature
  MNT_EXPIRE of umount2()" and "UMOUNT_NOFOLLOW") and the `umount2(2)`
  manual page. umount(8) has no option for `MNT_EXPIRE` or
  `UMOUNT_NOFOLLOW`, and it looks at its target before the syscall, so these
  scenarios use a small helper, `umount2 [-l] [-f] [-e] [-n] PATH`, that calls
  `umount2(2)` with exactly those flags and nothing else
  (`engine/live/helpers/umount2.c`). A `/proc/self/fd/N` link stands in for
  LTP's symbolic link.

  `MNT_EXPIRE` unmounts only a mount nobody has used since the last try.
  `do_umount()` refuses it together with `MNT_DETACH` or `MNT_FORCE`, or on
  the caller's root (`EINVAL`); a mount with children, or held by anything
  but its parent and the call itself (`mnt_count != 2`), is busy (`EBUSY`).
  Otherwise the first call sets `mnt_expiry_mark` and fails with `EAGAIN`;
  a second call finds the mark and unmounts. Any use in between clears the
  mark: every lookup ends in `path_put()`, whose `mntput()` clears it, while
  umount(2) drops its own lookup with `mntput_no_expire()` so as to keep it.

  - **First `EAGAIN`, then gone.**
  - **Any use in between starts over:** `ls` of the mount (LTP does
    `access(2)`) or a file opened and closed on it; a listing of its parent
    directory does not touch it.
  - **What `MNT_EXPIRE` refuses:** with `-l` or `-f`, on `/` (`EINVAL`); an
    open fd, a cwd or a child mount (`EBUSY`).
  - **`UMOUNT_NOFOLLOW`:** the last component is not followed, so a
    `/proc/self/fd/N` link names the link itself, a procfs entry that is no
    mount's root (`EINVAL`); without the flag the link leads to the mount (busy
    here, through that very fd). A plain mountpoint unmounts either way.
  - **`MNT_FORCE` on tmpfs is a plain unmount:** tmpfs has no
    `umount_begin()` to abort anything, so a busy mount stays busy.
    (In a user namespace it also needs `CAP_SYS_ADMIN` over the superblock's
    owner: see features/namespaces.)

  Scenario: MNT_EXPIRE: the first call marks the mount, the second unmounts it
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # umount2 -e /mnt/a
      # umount2 -e /mnt/a
      """
    Then the 1st "umount2 -e /mnt/a" exits with status 1
    And the 1st "umount2 -e /mnt/a" prints on stderr:
      """
      umount2: Resource temporarily unavailable
      """
    And the 2nd "umount2 -e /mnt/a" succeeds
    And after the 2nd "umount2 -e /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: any use of the mount in between clears the mark; a listing of its parent does not
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # umount2 -e /mnt/a
      # ls /mnt/a
      # umount2 -e /mnt/a
      # exec 3</mnt/a
      # exec 3<&-
      # umount2 -e /mnt/a
      # ls /mnt
      # umount2 -e /mnt/a
      """
    Then the 2nd "umount2 -e /mnt/a" prints on stderr:
      """
      umount2: Resource temporarily unavailable
      """
    And the 3rd "umount2 -e /mnt/a" prints on stderr:
      """
      umount2: Resource temporarily unavailable
      """
    And the 4th "umount2 -e /mnt/a" succeeds

  Scenario: MNT_EXPIRE refuses -l, -f and the root, and a mount that is in use
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # umount2 -e -l /mnt/a
      # umount2 -e -f /mnt/a
      # umount2 -e /
      # exec 3</mnt/a
      # umount2 -e /mnt/a
      # exec 3<&-
      # cd /mnt/a
      # umount2 -e /mnt/a
      # cd /
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # umount2 -e /mnt/a
      """
    Then "umount2 -e -l /mnt/a" prints on stderr:
      """
      umount2: Invalid argument
      """
    And "umount2 -e -f /mnt/a" prints on stderr:
      """
      umount2: Invalid argument
      """
    And "umount2 -e /" prints on stderr:
      """
      umount2: Invalid argument
      """
    And the 1st "umount2 -e /mnt/a" prints on stderr:
      """
      umount2: Device or resource busy
      """
    And the 2nd "umount2 -e /mnt/a" prints on stderr:
      """
      umount2: Device or resource busy
      """
    And the 3rd "umount2 -e /mnt/a" prints on stderr:
      """
      umount2: Device or resource busy
      """

  Scenario: UMOUNT_NOFOLLOW does not follow a /proc/self/fd link; a plain mountpoint unmounts either way
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /mnt/b
      # exec 3</mnt/a
      # umount2 -n /proc/self/fd/3
      # umount2 /proc/self/fd/3
      # umount2 -n /mnt/b
      """
    Then "umount2 -n /proc/self/fd/3" prints on stderr:
      """
      umount2: Invalid argument
      """
    And "umount2 /proc/self/fd/3" prints on stderr:
      """
      umount2: Device or resource busy
      """
    And "umount2 -n /mnt/b" succeeds
    And after "umount2 -n /mnt/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: umount -f on tmpfs is a plain unmount: a busy mount stays busy
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # cd /mnt/a
      # umount -f /mnt/a
      # cd /
      # umount -f /mnt/a
      """
    Then the 1st "umount -f /mnt/a" exits with status 32
    And the 1st "umount -f /mnt/a" prints on stderr:
      """
      umount: /mnt/a: target is busy.
      """
    And the 2nd "umount -f /mnt/a" succeeds
