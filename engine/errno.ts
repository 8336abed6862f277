// One frozen table of the errno values the model can return, with the
// strerror(3) text glibc prints for each (what `move_mount: Invalid argument`
// and util-linux/coreutils messages are made of).

export const ERRNO = Object.freeze({
  EPERM: { code: 1, text: 'Operation not permitted' },
  ENOENT: { code: 2, text: 'No such file or directory' },
  ENXIO: { code: 6, text: 'No such device or address' },
  E2BIG: { code: 7, text: 'Argument list too long' },
  EBADF: { code: 9, text: 'Bad file descriptor' },
  EAGAIN: { code: 11, text: 'Resource temporarily unavailable' },
  EACCES: { code: 13, text: 'Permission denied' },
  EFAULT: { code: 14, text: 'Bad address' },
  EBUSY: { code: 16, text: 'Device or resource busy' },
  EEXIST: { code: 17, text: 'File exists' },
  ENODEV: { code: 19, text: 'No such device' },
  ENOTDIR: { code: 20, text: 'Not a directory' },
  EISDIR: { code: 21, text: 'Is a directory' },
  EINVAL: { code: 22, text: 'Invalid argument' },
  EMFILE: { code: 24, text: 'Too many open files' },
  ENOTTY: { code: 25, text: 'Inappropriate ioctl for device' },
  ENOSPC: { code: 28, text: 'No space left on device' },
  EROFS: { code: 30, text: 'Read-only file system' },
  ERANGE: { code: 34, text: 'Numerical result out of range' },
  ENAMETOOLONG: { code: 36, text: 'File name too long' },
  ENOSYS: { code: 38, text: 'Function not implemented' },
  ENOTEMPTY: { code: 39, text: 'Directory not empty' },
  ELOOP: { code: 40, text: 'Too many levels of symbolic links' },
  ENODATA: { code: 61, text: 'No data available' },
  EOVERFLOW: { code: 75, text: 'Value too large for defined data type' },
  EMSGSIZE: { code: 90, text: 'Message too long' },
  EOPNOTSUPP: { code: 95, text: 'Operation not supported' },
});

export type Errno = keyof typeof ERRNO;

/** strerror(3) in the C locale. */
export function strerror(errno: Errno): string {
  return ERRNO[errno].text;
}
