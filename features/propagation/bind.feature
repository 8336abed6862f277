Feature: Bind mounts under shared and slave mounts
  Ported, in our own words, from the kernel's
  `Documentation/filesystems/sharedsubtree.rst`, section 5b (the rows of the
  bind table: private, slave and unbindable sources under a shared parent)
  and question C of its quiz (section 6), and from LTP
  `testcases/kernel/fs/fs_bind` (`bind/fs_bind05.sh` "private child to shared
  parent" and `bind/fs_bind21.sh` "multi-level slave p-nodes", step by step,
  with `ls` of both sides standing in for `fs_bind_check` and directories
  holding one marker file standing in for LTP's disk directories;
  `fs_bind_makedir rshared D` is `mkdir D`, `mount --bind D D`,
  `mount --make-rshared D`).

  A bind is `clone_mnt()` of the source, attached by `attach_recursive_mnt()`.
  Under a shared destination, `propagate_mnt()` first makes a copy for every
  mount the destination propagates to, peer group by peer group, depth first
  (`next_group()`), and each copy joins the propagation graph the way its
  parent did: copies under peers are peers of the new mount, copies under
  slaves are its slaves. A copy only goes where its parent shows the
  mountpoint (`need_secondary()`: a bind of a subdirectory does not).

  - **The bind table's rows:** a private source bound under a shared parent
    becomes shared and appears under every peer of that parent; a slave
    source stays a slave of its master and gets the parent's peers as its
    own; an unbindable source is refused under any parent.
  - **A bind of a shared mount is a peer of it:** what is mounted under the
    bind also appears under the original, and under the original's peers.
  - **A private mount bound under a shared one (fs_bind05):** the bind
    appears under every peer of its new parent and is shared with those
    copies, while the private original keeps its own submounts to itself;
    every mount `fs_bind05` made comes off again, the self-binds twice.
  - **Multi-level slaves (fs_bind21):** a mount made at any level shows up at
    that level and every level below it, and never above.
  - **Quiz C:** a mount on `A` reaches `C`, a slave of a slave, even though
    `B` in between binds a subdirectory that does not show the mountpoint,
    so `B` itself gets no copy.

  Scenario: a private mount bound under a shared parent appears under every peer of it
    When the shell session runs:
      """
      # mkdir /b2 /src /mnt/x
      # mount -t tmpfs none /src
      # touch /src/f
      # mount --make-shared /mnt
      # mount --bind /mnt /b2
      # mount --bind /src /mnt/x
      # ls /b2/x
      """
    Then "ls /b2/x" prints on stdout:
      """
      f
      """
    And after "ls /b2/x" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /src tmpfs none on /
      /b2 tmpfs none on /
      /mnt/x tmpfs none on /mnt
      /b2/x tmpfs none on /b2
      """

  Scenario: a bind of a shared mount is a peer of it, so mounts go both ways
    When the shell session runs:
      """
      # mkdir /src /b
      # mount -t tmpfs none /src
      # mkdir /src/a /src/b
      # mount --make-shared /src
      # mount --bind /src /b
      # mount -t tmpfs none /b/a
      # touch /b/a/from-bind
      # mount -t tmpfs none /src/b
      # touch /src/b/from-source
      # ls /src/a /b/b
      """
    Then "ls /src/a /b/b" prints on stdout:
      """
      /b/b:
      from-source

      /src/a:
      from-bind
      """

  Scenario: a slave bound under a shared parent stays a slave of its master
    When the shell session runs:
      """
      # mkdir /master /b2 /mnt/x
      # mount -t tmpfs none /master
      # mkdir /master/sub
      # mount --make-shared /master
      # mkdir /slave
      # mount --bind /master /slave
      # mount --make-slave /slave
      # mount --make-shared /mnt
      # mount --bind /mnt /b2
      # mount --bind /slave /mnt/x
      # mount -t tmpfs none /master/sub
      # touch /master/sub/from-master
      # ls /mnt/x/sub /b2/x/sub
      # mount -t tmpfs none /mnt/x/sub
      # touch /mnt/x/sub/from-x
      # ls /master/sub /b2/x/sub
      """
    Then the 1st "ls /mnt/x/sub /b2/x/sub" prints on stdout:
      """
      /b2/x/sub:
      from-master

      /mnt/x/sub:
      from-master
      """
    And "ls /master/sub /b2/x/sub" prints on stdout:
      """
      /b2/x/sub:
      from-x

      /master/sub:
      from-master
      """

  Scenario: fs_bind05: a private child bound under a shared parent is shared with that parent's peers
    When the shell session runs:
      """
      # mkdir -p /disk1/a /disk1/b /disk1/c /disk2 /disk3 /disk4
      # touch /disk1/d1 /disk2/d2 /disk3/d3 /disk4/d4
      # mkdir /parent1 /parent2 /share1 /share2
      # mount --bind /parent1 /parent1
      # mount --make-rshared /parent1
      # mount --bind /parent2 /parent2
      # mount --make-rshared /parent2
      # mount --bind /share1 /share1
      # mount --make-rshared /share1
      # mount --bind /share2 /share2
      # mount --make-rshared /share2
      # mkdir /parent1/child1
      # mount --bind /parent1/child1 /parent1/child1
      # mount --make-private /parent1/child1
      # mount --bind /parent1 /share1
      # mount --bind /disk1 /parent1/child1
      # mount --bind /parent2 /share2
      # ls /parent1/child1 /share1/child1
      # mkdir /parent2/child2
      # mount --bind /parent1/child1 /parent2/child2
      # ls /parent1/child1 /parent2/child2 /share2/child2
      # mount --bind /disk2 /parent1/child1/a
      # ls /parent1/child1/a /parent2/child2/a
      # mount --bind /disk3 /parent2/child2/b
      # ls /parent1/child1/b /parent2/child2/b /share2/child2/b
      # mount --bind /disk4 /share2/child2/c
      # ls /parent1/child1/c /parent2/child2/c /share2/child2/c
      # umount /parent1/child1/a
      # umount /parent2/child2/b
      # umount /share2/child2/c
      # umount /parent2/child2
      # umount /parent1/child1
      # umount /parent1/child1
      # umount /share1
      # umount /share1
      # umount /share2
      # umount /share2
      # umount /parent2
      # umount /parent1
      """
    Then "ls /parent1/child1 /share1/child1" prints on stdout:
      """
      /parent1/child1:
      a
      b
      c
      d1

      /share1/child1:
      """
    And "ls /parent1/child1 /parent2/child2 /share2/child2" prints on stdout:
      """
      /parent1/child1:
      a
      b
      c
      d1

      /parent2/child2:
      a
      b
      c
      d1

      /share2/child2:
      a
      b
      c
      d1
      """
    And "ls /parent1/child1/a /parent2/child2/a" prints on stdout:
      """
      /parent1/child1/a:
      d2

      /parent2/child2/a:
      """
    And "ls /parent1/child1/b /parent2/child2/b /share2/child2/b" prints on stdout:
      """
      /parent1/child1/b:

      /parent2/child2/b:
      d3

      /share2/child2/b:
      d3
      """
    And "ls /parent1/child1/c /parent2/child2/c /share2/child2/c" prints on stdout:
      """
      /parent1/child1/c:

      /parent2/child2/c:
      d4

      /share2/child2/c:
      d4
      """
    And the 2nd "umount /share2" succeeds
    And "umount /parent1" succeeds
    And after "umount /parent1" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: an unbindable mount cannot be bound under a shared parent either
    When the shell session runs:
      """
      # mkdir /src /mnt/x
      # mount -t tmpfs none /src
      # mount --make-unbindable /src
      # mount --make-shared /mnt
      # mount --bind /src /mnt/x
      """
    Then "mount --bind /src /mnt/x" exits with status 32
    And "mount --bind /src /mnt/x" prints on stderr:
      """
      mount: /mnt/x: wrong fs type, bad option, bad superblock on /src, missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """

  Scenario: multi-level slaves: a mount shows up at its own level and every level below
    When the shell session runs:
      """
      # mkdir /dir1 /dir2 /dir3 /dir4
      # mount --bind /dir1 /dir1
      # mount --make-rshared /dir1
      # mkdir /dir1/x
      # mount --bind /dir1 /dir2
      # mount --make-rslave /dir2
      # mount --make-rshared /dir2
      # mount --bind /dir2 /dir3
      # mount --make-rslave /dir3
      # mount --make-rshared /dir3
      # mount --bind /dir3 /dir4
      # mount --make-rslave /dir4
      # mount -t tmpfs none /dir1/x
      # mkdir /dir1/x/a /dir1/x/b /dir1/x/c
      # ls /dir2/x /dir3/x /dir4/x
      # mount -t tmpfs none /dir2/x/a
      # touch /dir2/x/a/disk2
      # ls /dir1/x/a /dir2/x/a /dir3/x/a /dir4/x/a
      # mount -t tmpfs none /dir3/x/b
      # touch /dir3/x/b/disk3
      # ls /dir1/x/b /dir2/x/b /dir3/x/b /dir4/x/b
      # mount -t tmpfs none /dir4/x/c
      # touch /dir4/x/c/disk4
      # ls /dir1/x/c /dir2/x/c /dir3/x/c /dir4/x/c
      # umount /dir2/x/a
      # umount /dir3/x/b
      # umount /dir4/x/c
      # umount /dir1/x
      # umount /dir1
      # umount /dir2
      # umount /dir3
      # umount /dir4
      """
    Then "ls /dir2/x /dir3/x /dir4/x" prints on stdout:
      """
      /dir2/x:
      a
      b
      c

      /dir3/x:
      a
      b
      c

      /dir4/x:
      a
      b
      c
      """
    And "ls /dir1/x/a /dir2/x/a /dir3/x/a /dir4/x/a" prints on stdout:
      """
      /dir1/x/a:

      /dir2/x/a:
      disk2

      /dir3/x/a:
      disk2

      /dir4/x/a:
      disk2
      """
    And "ls /dir1/x/b /dir2/x/b /dir3/x/b /dir4/x/b" prints on stdout:
      """
      /dir1/x/b:

      /dir2/x/b:

      /dir3/x/b:
      disk3

      /dir4/x/b:
      disk3
      """
    And "ls /dir1/x/c /dir2/x/c /dir3/x/c /dir4/x/c" prints on stdout:
      """
      /dir1/x/c:

      /dir2/x/c:

      /dir3/x/c:

      /dir4/x/c:
      disk4
      """
    And "umount /dir4" succeeds
    And after "umount /dir4" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: quiz C: a mount reaches a slave of a slave past a bind that cannot show it
    When the shell session runs:
      """
      # mkdir /tmp /tmp1 /src
      # mount -t tmpfs none /src
      # touch /src/f
      # mount --bind /mnt /mnt
      # mount --make-shared /mnt
      # mkdir -p /mnt/1/2/3 /mnt/1/test
      # mount --bind /mnt/1 /tmp
      # mount --make-slave /mnt
      # mount --make-shared /mnt
      # mount --bind /mnt/1/2 /tmp1
      # mount --make-slave /mnt
      # mount --bind /src /tmp/test
      # ls /mnt/1/test
      """
    Then "ls /mnt/1/test" prints on stdout:
      """
      f
      """
    And after "ls /mnt/1/test" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /src tmpfs none on /
      /mnt tmpfs none on /mnt
      /tmp tmpfs none on /
      /tmp1 tmpfs none on /
      /tmp/test tmpfs none on /tmp
      /mnt/1/test tmpfs none on /mnt
      """
