Feature: Moving mounts into and out of shared mounts
  Ported, in our own words, from the kernel's
  `Documentation/filesystems/sharedsubtree.rst`, section 5d (the move table
  and its note that moving a mount residing under a shared mount is invalid)
  and question A of its quiz (section 6).

  `do_move_mount()` refuses to take a mount out from under a shared parent
  (its peers would keep their copies, and the trees would no longer match)
  and to move a tree holding an unbindable mount under a shared destination
  (propagation would have to copy it). Otherwise the move is
  `attach_recursive_mnt()` again: under a shared destination the moved tree
  becomes shared and every mount the destination propagates to gets a copy.
  The same holds for a tree that `open_tree(OPEN_TREE_CLONE)` made: its clone
  is a peer of the mount it copied.

  - **Out from under a shared parent: `EINVAL`.** `mount(8)` recognises the
    case (the mount holding the source's directory is `shared:N` in
    mountinfo) and says so: "bad option; moving a mount residing under a
    shared mount is unsupported."
  - **Into a shared destination, the move propagates:** a private tree moved
    under a shared mount shows up under its peers, and under its slaves as a
    slave.
  - **An unbindable mount cannot go under a shared one,** even inside the
    moved tree: `EINVAL`, with `mount(8)`'s generic words.
  - **Quiz A:** `/mnt` bound onto itself and made shared, bound to `/tmp`,
    and `/tmp` moved to `/mnt/1`: the move lands on a peer of `/tmp` itself,
    so `/mnt/1` gets a copy, and the copy's own `1` is a copy again:
    `/mnt`, `/mnt/1` and `/mnt/1/1` all show the same files.
  - **A detached clone is a peer of its source:** while detached it gets no
    copies (6.16, "Don't propagate mounts into detached trees"); moved into
    place with `move_mount`, it receives what is mounted under the source's
    peer group from then on.

  Scenario: a mount under a shared parent cannot be moved
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b /c
      # mount --make-shared /mnt
      # mount -t tmpfs none /mnt/a
      # mount --move /mnt/a /mnt/b
      # mount --move /mnt/a /c
      """
    Then "mount --move /mnt/a /mnt/b" exits with status 32
    And "mount --move /mnt/a /mnt/b" prints on stderr:
      """
      mount: /mnt/b: bad option; moving a mount residing under a shared mount is unsupported.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --move /mnt/a /c" exits with status 32
    And after "mount --move /mnt/a /c" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: a private tree moved under a shared mount shows up under its peers and slaves
    When the shell session runs:
      """
      # mkdir /tmp /slave /src
      # mount -t tmpfs none /src
      # mkdir /src/x /mnt/s
      # mount -t tmpfs none /src/x
      # touch /src/x/f
      # mount --make-shared /mnt
      # mount --bind /mnt /tmp
      # mount --bind /mnt /slave
      # mount --make-slave /slave
      # mount --move /src /mnt/s
      # ls /tmp/s/x /slave/s/x
      # mount -t tmpfs none /slave/s/x
      # ls /mnt/s/x
      """
    Then "mount --move /src /mnt/s" succeeds
    And "ls /tmp/s/x /slave/s/x" prints on stdout:
      """
      /slave/s/x:
      f

      /tmp/s/x:
      f
      """
    And "ls /mnt/s/x" prints on stdout:
      """
      f
      """
    And after "mount --move /src /mnt/s" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/s tmpfs none on /mnt
      /mnt/s/x tmpfs none on /mnt/s
      /tmp tmpfs none on /
      /slave tmpfs none on /
      /tmp/s tmpfs none on /tmp
      /tmp/s/x tmpfs none on /tmp/s
      /slave/s tmpfs none on /slave
      /slave/s/x tmpfs none on /slave/s
      """

  Scenario: a tree holding an unbindable mount cannot move under a shared mount
    When the shell session runs:
      """
      # mkdir /src /mnt/s
      # mount -t tmpfs none /src
      # mkdir /src/x
      # mount -t tmpfs none /src/x
      # mount --make-unbindable /src/x
      # mount --make-shared /mnt
      # mount --move /src /mnt/s
      # mount --make-private /src/x
      # mount --move /src /mnt/s
      """
    Then the 1st "mount --move /src /mnt/s" exits with status 32
    And the 1st "mount --move /src /mnt/s" prints on stderr:
      """
      mount: /mnt/s: wrong fs type, bad option, bad superblock on /src, missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """
    And the 2nd "mount --move /src /mnt/s" succeeds

  Scenario: quiz A: a shared mount moved onto its own peer's subdirectory is copied once more
    When the shell session runs:
      """
      # mkdir /tmp /mnt/1
      # mount --bind /mnt /mnt
      # mount --make-shared /mnt
      # mount --bind /mnt /tmp
      # mount --move /tmp /mnt/1
      # touch /mnt/f
      # ls /mnt /mnt/1 /mnt/1/1
      """
    Then "mount --move /tmp /mnt/1" succeeds
    And "ls /mnt /mnt/1 /mnt/1/1" prints on stdout:
      """
      /mnt:
      1
      f

      /mnt/1:
      1
      f

      /mnt/1/1:
      1
      f
      """
    And after "ls /mnt /mnt/1 /mnt/1/1" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt tmpfs none on /mnt
      /mnt/1 tmpfs none on /mnt
      /mnt/1/1 tmpfs none on /mnt/1
      """

  Scenario: a detached clone is a peer of its source and, once attached, receives its group's mounts
    When the shell session runs:
      """
      # mkdir /b /mnt/x /mnt/y
      # mount --make-shared /mnt
      # mount --bind /mnt /b
      # open_tree_clone 3</mnt 3 sh
      # mount -t tmpfs none /mnt/x
      # touch /mnt/x/f
      # ls /proc/self/fd/3/x
      # move_mount 3 /mnt/y
      # exit
      # umount /mnt/x
      # mount -t tmpfs none /b/x
      # touch /b/x/g
      # ls /mnt/y/x
      """
    Then "ls /proc/self/fd/3/x" prints nothing
    And "move_mount 3 /mnt/y" succeeds
    And "ls /mnt/y/x" prints on stdout:
      """
      g
      """
    And after "ls /mnt/y/x" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      /mnt/y tmpfs none on /mnt
      /b/y tmpfs none on /b
      /b/x tmpfs none on /b
      /mnt/x tmpfs none on /mnt
      /mnt/y/x tmpfs none on /mnt/y
      /b/y/x tmpfs none on /b/y
      """
