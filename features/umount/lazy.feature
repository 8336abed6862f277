Feature: Lazy unmount: a detached tree stays usable through what still holds it
  Ported, in our own words, from gVisor `test/syscalls/linux/mount.cc`
  (`UmountDetach`) and LTP `testcases/kernel/syscalls/umount2/umount2_01.c`
  (`umount2(MNT_DETACH)`): `umount -l` is `umount2(path, MNT_DETACH)`.

  A lazy unmount skips the busy check: `umount_tree()` takes the mount and
  everything below it out of the namespace at once, and the mounts live on as
  long as a file or a cwd holds them. What holds them can still read, write and
  walk them; nothing else can reach them by a path any more.

  - **A lazy unmount of a busy tree succeeds and empties the table at once:**
    the child mount and the cwd in it, which make a plain `umount` fail with
    `EBUSY`, do not stop it, and the child goes with its parent.
  - **New lookups fail, open files keep working:** LTP's `umount2_01` checks
    that the path is gone at once while the fd opened before still works; here
    `cat /proc/self/fd/3` reopens the file through fd 3's link and reads it.
  - **A cwd inside keeps the detached mount usable:** `ls` and `touch` there
    work on the detached tmpfs, while the same names through `/mnt/a` reach the
    covered directory. This is why `umount -l` "succeeds" while a process keeps
    writing to the filesystem.
  - **`..` at the root of a detached tree stays there:** the tree has no
    parent to climb to, so `..` of its root is its root, however often it is
    taken, as `..` of `/` is `/`.
  - **A lazily unmounted tree is taken apart:** `umount_tree()` disconnects
    each mount from its parent (`disconnect_mount()`: "By default disconnect
    the mount"), so an fd on the child reaches the child alone, and `..` of its
    root stays in it.
  - **A detached mount no longer pins its old parent:** an fd that holds the
    lazily unmounted child holds nothing of `/mnt`, which now unmounts; the fd
    still reaches the child.
  - **A shell in POSIX mode cannot say where it is:** `sh` (bash in POSIX
    mode) checks its `$PWD` against `.`, finds them different and falls back
    to `getcwd(3)`; the kernel marks the path of a cwd its root cannot reach
    `(unreachable)`, which glibc turns into `ENOENT`. `ls` there still works.

  Scenario: a lazy unmount of a busy tree succeeds and takes its child mount with it
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/b
      # mount -t tmpfs none /mnt/a/b
      # cd /mnt/a/b
      # umount /mnt/a
      # umount -l /mnt/a
      # ls
      """
    Then "umount /mnt/a" exits with status 32
    And "umount -l /mnt/a" succeeds
    And after "umount -l /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """
    And "ls" succeeds

  Scenario: after a lazy unmount the path is gone but a file opened before still reads
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # exec 3</mnt/a/f
      # umount -l /mnt/a
      # ls /mnt/a/f
      # cat /proc/self/fd/3
      """
    Then "umount -l /mnt/a" succeeds
    And "ls /mnt/a/f" exits with status 2
    And "ls /mnt/a/f" prints on stderr:
      """
      ls: cannot access '/mnt/a/f': No such file or directory
      """
    And "cat /proc/self/fd/3" succeeds

  Scenario: the cwd inside a lazily unmounted mount still reads and writes it
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # cd /mnt/a
      # umount -l /mnt/a
      # mkdir /mnt/a/x
      # ls /mnt/a
      # touch g
      # ls
      """
    Then "umount -l /mnt/a" succeeds
    And "ls /mnt/a" prints on stdout:
      """
      x
      """
    And "touch g" succeeds
    And "ls" prints on stdout:
      """
      f
      g
      """

  Scenario: .. at the root of a lazily unmounted tree stays at its root
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/d
      # cd /mnt/a/d
      # umount -l /mnt/a
      # ls ..
      # ls ../..
      # ls ../../..
      """
    Then "ls .." prints on stdout:
      """
      d
      """
    And "ls ../.." prints on stdout:
      """
      d
      """
    And "ls ../../.." prints on stdout:
      """
      d
      """

  Scenario: a lazy unmount disconnects the child: an fd on it reaches the child alone
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/top
      # mkdir /mnt/a/b
      # mount -t tmpfs none /mnt/a/b
      # touch /mnt/a/b/f
      # exec 3</mnt/a/b
      # umount -l /mnt/a
      # ls /proc/self/fd/3
      # ls /proc/self/fd/3/..
      # exec 3<&-
      """
    Then "umount -l /mnt/a" succeeds
    And "ls /proc/self/fd/3" prints on stdout:
      """
      f
      """
    And "ls /proc/self/fd/3/.." prints on stdout:
      """
      f
      """
    And after "exec 3<&-" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: once a busy child is lazily unmounted, its old parent unmounts normally
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # exec 3</mnt/a
      # umount /mnt
      # umount -l /mnt/a
      # umount /mnt
      # ls /proc/self/fd/3
      """
    Then the 1st "umount /mnt" exits with status 32
    And "umount -l /mnt/a" succeeds
    And the 2nd "umount /mnt" succeeds
    And "ls /proc/self/fd/3" prints on stdout:
      """
      f
      """
    And after the 2nd "umount /mnt" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      """

  Scenario: sh cannot print a cwd that a lazy unmount left unreachable, but ls still works there
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/d
      # cd /mnt/a
      # sh
      # umount -l /mnt/a
      # pwd
      # ls
      """
    Then "sh" starts a nested shell
    And "umount -l /mnt/a" succeeds
    And "pwd" exits with status 1
    And "pwd" prints on stderr:
      """
      pwd: error retrieving current directory: getcwd: cannot access parent directories: No such file or directory
      """
    And "ls" prints on stdout:
      """
      d
      """
