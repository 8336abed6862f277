Feature: unshare -m: a copy of the mount tree, and propagation between the copies
  Ported, in our own words, from LTP `testcases/kernel/containers/mountns/`
  (`mountns01.c` shared, `mountns02.c` private, `mountns03.c` slave,
  `mountns04.c` unbindable), with util-linux 2.38 `unshare(1)` standing in
  for LTP's `unshare(CLONE_NEWNS)` and `clone()`. LTP's `DIRA` (holding a
  file `A`) is `/mnt/a`, its `DIRB` (holding `B`) is `/mnt/b`, and like LTP
  we first bind `DIRA` onto itself so that it is a mount of its own.

  `unshare(CLONE_NEWNS)` is `copy_mnt_ns()`: `copy_tree()` of the whole
  namespace, unbindable mounts included (`CL_COPY_UNBINDABLE`). Each copy
  of a shared mount joins its original's peer group, each copy of a slave
  gets the same master, and the caller's root and cwd move onto the copies
  of their mounts. A file opened before keeps the mount it was opened on,
  in the old namespace. When the last process of a namespace leaves,
  `put_mnt_ns()` unmounts its whole tree at once, without propagation: a
  mount it propagated into another namespace stays there.

  `unshare(1)` then does `mount("none", "/", NULL, MS_REC|MS_PRIVATE)`
  unless told otherwise (`--propagation unchanged|slave|shared|private`),
  so by default nothing propagates between the copies. With no program it
  runs `$SHELL`, or `/bin/sh` as a login shell (`-sh`), which then reads the
  transcript's next lines until `exit`.

  A transcript has one shell at a time: while the nested shell runs, its
  parent waits. So the scenarios show the direction a sequential session can:
  what the new namespace does, seen from the old one after `exit`. LTP's
  other direction (the parent mounts, the child looks) is the same peer
  relation seen from the other side.

  - **A copy of the table:** the nested shell sees the same mounts under new
    ids; what it unmounts is gone only from its copy.
  - **The cwd moves to the copy:** a shell whose cwd was on `/mnt/a` makes
    the copy of `/mnt/a` busy, and its parent still holds the original.
  - **An fd opened before still reaches the old namespace:** through it, the
    new namespace's mounts are not there.
  - **Shared (mountns01):** a bind the new namespace makes on a shared mount
    appears in the old one, and stays after the new namespace is gone. The
    bind of the private `/mnt/b` comes out shared, in a peer group of its
    own with its copy (`attach_recursive_mnt()` gives a tree mounted under
    a shared parent group ids).
  - **Private (mountns02) and slave (mountns03):** it does not.
  - **unshare's `--propagation`:** the copy's propagation as each word leaves it.
  - **Unbindable (mountns04):** an unbindable mount cannot be bound, but
    `unshare` copies it. As of 6.18 the copy is no longer unbindable:
    `clone_mnt()` leaves the flag behind (the live column shows this
    machine's kernel); v4.19, under the ver #12 variants, copied it, hence
    the `@fails-on` tags.

  Scenario: unshare -m gives the shell a copy of the mount table, and unmounts in it stay there
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # unshare -m
      # cat /proc/self/mountinfo
      # umount /mnt/a
      # umount /mnt
      # cat /proc/self/mountinfo
      # exit
      """
    Then "unshare -m" starts a nested shell
    And the 1st "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """
    And "umount /mnt" succeeds
    And the 2nd "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      """
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: the shell's cwd moves to the copy of its mount; the parent still holds the original
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # cd /mnt/a
      # unshare -m
      # pwd
      # umount /mnt/a
      # cd /
      # umount /mnt/a
      # exit
      # umount /mnt/a
      """
    Then "pwd" prints on stdout:
      """
      /mnt/a
      """
    And the 1st "umount /mnt/a" prints on stderr:
      """
      umount: /mnt/a: target is busy.
      """
    And the 2nd "umount /mnt/a" succeeds
    And the 3rd "umount /mnt/a" prints on stderr:
      """
      umount: /mnt/a: target is busy.
      """
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: an fd opened before unshare reaches the old namespace, where the new mounts are not
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # exec 3</mnt/a
      # unshare -m
      # mount -t tmpfs none /mnt/a/x
      # touch /mnt/a/x/inside
      # ls /mnt/a/x
      # ls /proc/self/fd/3/x
      # exit
      """
    Then "ls /mnt/a/x" prints on stdout:
      """
      inside
      """
    And "ls /proc/self/fd/3/x" prints nothing
    And "ls /proc/self/fd/3/x" succeeds

  Scenario: mountns01: a bind made in the copy of a shared mount appears in the original, and outlives the copy
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # touch /mnt/a/A /mnt/b/B
      # mount --bind /mnt/a /mnt/a
      # mount --make-shared /mnt/a
      # unshare -m --propagation unchanged
      # mount --bind /mnt/b /mnt/a
      # ls /mnt/a
      # exit
      # ls /mnt/a
      """
    Then the 1st "ls /mnt/a" prints on stdout:
      """
      B
      """
    And the 2nd "ls /mnt/a" prints on stdout:
      """
      B
      """
    And after "exit" the mount table with propagation is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt shared:1
      /mnt/a tmpfs none on /mnt/a shared:2
      """

  Scenario: mountns02 and mountns03: from a private or a slave copy nothing comes back
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # touch /mnt/a/A /mnt/b/B
      # mount --bind /mnt/a /mnt/a
      # mount --make-private /mnt/a
      # unshare -m --propagation unchanged
      # mount --bind /mnt/b /mnt/a
      # ls /mnt/a
      # exit
      # ls /mnt/a
      # mount --make-shared /mnt/a
      # unshare -m --propagation unchanged
      # mount --make-slave /mnt/a
      # mount --bind /mnt/b /mnt/a
      # ls /mnt/a
      # exit
      # ls /mnt/a
      """
    Then the 1st "ls /mnt/a" prints on stdout:
      """
      B
      """
    And the 2nd "ls /mnt/a" prints on stdout:
      """
      A
      """
    And the 3rd "ls /mnt/a" prints on stdout:
      """
      B
      """
    And the 4th "ls /mnt/a" prints on stdout:
      """
      A
      """
    And after the 2nd "exit" the mount table with propagation is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt shared:1
      """

  Scenario: unshare's --propagation: private by default, or unchanged, slave, shared
    When the shell session runs:
      """
      # mkdir /mnt/s
      # mount -t tmpfs none /mnt/s
      # mount --make-shared /mnt/s
      # unshare -m cat /proc/self/mountinfo
      # unshare -m --propagation unchanged cat /proc/self/mountinfo
      # unshare -m --propagation slave cat /proc/self/mountinfo
      # unshare -m --propagation shared cat /proc/self/mountinfo
      """
    Then "unshare -m cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/s tmpfs none on /mnt
      """
    And "unshare -m --propagation unchanged cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/s tmpfs none on /mnt shared:1
      """
    And "unshare -m --propagation slave cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/s tmpfs none on /mnt master:1
      """
    And "unshare -m --propagation shared cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none shared:1
      /proc proc proc on / shared:2
      /mnt tmpfs none on / shared:3
      /mnt/s tmpfs none on /mnt shared:4
      """

  Scenario: mountns04: an unbindable mount cannot be bound
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount --bind /mnt/a /mnt/a
      # mount --make-unbindable /mnt/a
      # mount --bind /mnt/a /mnt/b
      """
    Then "mount --bind /mnt/a /mnt/b" exits with status 32
    And "mount --bind /mnt/a /mnt/b" prints on stderr:
      """
      mount: /mnt/b: wrong fs type, bad option, bad superblock on /mnt/a, missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: unshare copies an unbindable mount, and as of 6.18 the copy is not unbindable
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount --bind /mnt/a /mnt/a
      # mount --make-unbindable /mnt/a
      # unshare -m --propagation unchanged cat /proc/self/mountinfo
      """
    Then after "unshare -m --propagation unchanged cat /proc/self/mountinfo" the mount table with propagation is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt unbindable
      """
    And "unshare -m --propagation unchanged cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: unshare's own errors: an unknown propagation word, a program that is not there
    When the shell session runs:
      """
      # unshare -m --propagation sideways
      # unshare -m nosuch
      """
    Then "unshare -m --propagation sideways" exits with status 1
    And "unshare -m --propagation sideways" prints on stderr:
      """
      unshare: unsupported propagation mode: sideways
      """
    And "unshare -m nosuch" exits with status 127
    And "unshare -m nosuch" prints on stderr:
      """
      unshare: failed to execute nosuch: No such file or directory
      """
