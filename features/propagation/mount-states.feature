Feature: Shared, slave, private and unbindable mounts
  Ported, in our own words, from the kernel's
  `Documentation/filesystems/sharedsubtree.rst`: section 2 (the four kinds of
  mount, each with its example), section 3 (setting the states with
  `mount --make-*`) and the state table of section 5a, with its footnotes.

  `mount --make-shared|--make-slave|--make-private|--make-unbindable DIR` is
  `mount("none", DIR, NULL, MS_SHARED|…)`, and the `--make-r…` forms add
  `MS_REC` for the whole tree below. The kernel's `do_change_type()` wants the
  root of a mount in the caller's namespace, then `change_mnt_propagation()`
  moves each mount in the propagation graph: a **peer group** is a ring of
  mounts that pass mount and unmount events to each other (`shared:N` in
  mountinfo), a **slave** receives them from a peer group and passes none
  back (`master:N`).

  - **Shared:** a bind of a shared mount joins its peer group, and what is
    mounted under either shows up under the other.
  - **Slave:** events flow from the master's group to the slave, never back.
  - **Private:** no events either way; it is what every mount here starts as.
  - **Unbindable:** private, and `mount --bind` and `--rbind` refuse it
    (`EINVAL`, which `mount(8)` words as "wrong fs type, bad option, bad
    superblock").
  - **The state table's footnotes:** a shared mount alone in its group made a
    slave has no master to receive from, so it ends up private; a slave made
    shared is both, receiving from its master and sharing with its own peers.
  - **`--make-shared` is one mount, `--make-rshared` the tree:** a mount below
    the one made shared stays private, and so does its bind.
  - **A slave's master may be out of sight:** when a slave's master leaves,
    the slave passes to a surviving peer of it, even one in a detached tree
    (`open_tree(OPEN_TREE_CLONE)` made a peer), and still receives mounts
    through it. mountinfo then shows `master:N` for the hidden group and
    `propagate_from:M` for the nearest group up the chain with a member in
    sight (`get_dominating_id()`); the differential check compares those
    fields with the live kernel's. Under ver #12 a detached clone has no
    namespace, which propagation reads as "a copy still being made"
    (`IS_MNT_NEW()`), so it passes nothing on and the slave is cut off:
    another face of the thread's `mnt_ns == NULL` meaning two things, hence
    the `@fails-on` tags.
  - **Errors:** a directory that is not a mount's root is `EINVAL` ("not mount
    point or bad option."); a missing one `ENOENT`; a path through a file
    `ENOTDIR`.
  - **Only mounted mounts:** a mount a lazy umount took away (reached through
    the cwd, as `.`) is `EINVAL` since 6.16 ("do_change_type(): refuse to
    operate on unmounted/not ours mounts"); v4.19 let it join a peer group
    again, hence the `@fails-on` tags. The root of a detached tree is
    mounted, in its own namespace, and qualifies: 6.16 first asked for the
    caller's namespace, which broke CRIU, and 6.17 settled on "mounted, and
    the caller is admin there" (`may_change_propagation()`).

  Scenario: a mount under one peer shows up under the other
    When the shell session runs:
      """
      # mkdir /tmp /mnt/a
      # mount --make-shared /mnt
      # mount --bind /mnt /tmp
      # mount -t tmpfs none /tmp/a
      # touch /tmp/a/t1
      # ls /mnt/a
      """
    Then "mount --make-shared /mnt" succeeds
    And "ls /mnt/a" prints on stdout:
      """
      t1
      """
    And after "ls /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /tmp tmpfs none on /
      /tmp/a tmpfs none on /tmp
      /mnt/a tmpfs none on /mnt
      """

  Scenario: a slave receives its master's mounts but does not send its own
    When the shell session runs:
      """
      # mkdir /tmp /mnt/a /mnt/b
      # mount --make-shared /mnt
      # mount --bind /mnt /tmp
      # mount --make-slave /tmp
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/t1
      # ls /tmp/a
      # mount -t tmpfs none /tmp/b
      # touch /tmp/b/s1
      # ls /tmp/b
      # ls /mnt/b
      """
    Then "ls /tmp/a" prints on stdout:
      """
      t1
      """
    And "ls /tmp/b" prints on stdout:
      """
      s1
      """
    And "ls /mnt/b" prints nothing
    And after "ls /mnt/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /tmp tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /tmp/a tmpfs none on /tmp
      /tmp/b tmpfs none on /tmp
      """

  Scenario: a private mount neither sends nor receives
    When the shell session runs:
      """
      # mkdir /tmp /mnt/a /mnt/b
      # mount --make-shared /mnt
      # mount --bind /mnt /tmp
      # mount --make-private /tmp
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /tmp/b
      """
    Then "mount --make-private /tmp" succeeds
    And after "mount -t tmpfs none /tmp/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /tmp tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /tmp/b tmpfs none on /tmp
      """

  Scenario: an unbindable mount cannot be bound, until it is made shared
    When the shell session runs:
      """
      # mkdir /tmp
      # mount --make-unbindable /mnt
      # mount --bind /mnt /tmp
      # mount --rbind /mnt /tmp
      # mount --make-shared /mnt
      # mount --bind /mnt /tmp
      """
    Then the 1st "mount --bind /mnt /tmp" exits with status 32
    And the 1st "mount --bind /mnt /tmp" prints on stderr:
      """
      mount: /tmp: wrong fs type, bad option, bad superblock on /mnt, missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --rbind /mnt /tmp" exits with status 32
    And the 2nd "mount --bind /mnt /tmp" succeeds
    And after the 2nd "mount --bind /mnt /tmp" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /tmp tmpfs none on /
      """

  Scenario: the only member of a peer group, made a slave, has no master and is private
    When the shell session runs:
      """
      # mkdir /tmp /mnt/a
      # mount --make-shared /mnt
      # mount --make-slave /mnt
      # mount --bind /mnt /tmp
      # mount -t tmpfs none /mnt/a
      """
    Then "mount --make-slave /mnt" succeeds
    And after "mount -t tmpfs none /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /tmp tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: a slave made shared receives from its master and shares with its own peers
    When the shell session runs:
      """
      # mkdir /tmp /tmp2 /mnt/a /mnt/b
      # mount --make-shared /mnt
      # mount --bind /mnt /tmp
      # mount --make-slave /tmp
      # mount --make-shared /tmp
      # mount --bind /tmp /tmp2
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /tmp2/b
      """
    Then after "mount -t tmpfs none /tmp2/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /tmp tmpfs none on /
      /tmp2 tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /tmp/a tmpfs none on /tmp
      /tmp2/a tmpfs none on /tmp2
      /tmp2/b tmpfs none on /tmp2
      /tmp/b tmpfs none on /tmp
      """

  Scenario: --make-shared changes one mount, --make-rshared the whole tree
    When the shell session runs:
      """
      # mkdir /tmp /tmp2 /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount --make-shared /mnt
      # mount --rbind /mnt /tmp
      # mount -t tmpfs none /mnt/a/x
      # touch /mnt/a/x/f
      # ls /tmp/a/x
      # mount --make-rshared /mnt
      # mount --rbind /mnt /tmp2
      # umount /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # touch /mnt/a/x/g
      # ls /tmp2/a/x
      """
    Then "ls /tmp/a/x" prints nothing
    And "ls /tmp2/a/x" prints on stdout:
      """
      g
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a slave whose master is in a detached tree still receives mounts through it
    When the shell session runs:
      """
      # mkdir /s /t /mnt/x
      # mount --make-shared /mnt
      # mount --bind /mnt /s
      # mount --make-slave /s
      # mount --make-shared /s
      # mount --bind /s /t
      # mount --make-slave /t
      # open_tree_clone 3</s 3 sh
      # umount /s
      # mount -t tmpfs none /mnt/x
      # touch /mnt/x/f
      # ls /t/x
      # exit
      """
    Then "umount /s" succeeds
    And "ls /t/x" prints on stdout:
      """
      f
      """
    And after "ls /t/x" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /t tmpfs none on /
      /mnt/x tmpfs none on /mnt
      /t/x tmpfs none on /t
      """

  Scenario: a propagation type is set on the root of a mount, and only there
    When the shell session runs:
      """
      # mkdir /mnt/a
      # touch /mnt/f
      # mount --make-shared /mnt/a
      # mount --make-slave /mnt/b
      # mount --make-private /mnt/f/x
      """
    Then "mount --make-shared /mnt/a" exits with status 32
    And "mount --make-shared /mnt/a" prints on stderr:
      """
      mount: /mnt/a: not mount point or bad option.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --make-slave /mnt/b" prints on stderr:
      """
      mount: /mnt/b: mount point does not exist.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --make-private /mnt/f/x" prints on stderr:
      """
      mount: /mnt/f/x: mount point is not a directory.
             dmesg(1) may have more information after failed mount system call.
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: an unmounted mount's propagation cannot be changed, a detached tree's can
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # cd /mnt/a
      # umount -l /mnt/a
      # mount --make-shared .
      # cd /
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # mount --make-private .
      # exit
      """
    Then "mount --make-shared ." exits with status 32
    And "mount --make-shared ." prints on stderr:
      """
      mount: .: not mount point or bad option.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --make-private ." succeeds
