// Two lines of /proc/self/mountinfo as the kernel prints them (proc(5)).
export const mountinfoRowsFixture = '2 1 0:2 / / rw,relatime - tmpfs none rw\n4 2 0:4 / /mnt/a\\040b rw,relatime shared:1 - tmpfs none rw\n';
