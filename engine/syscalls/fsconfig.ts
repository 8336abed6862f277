import {
  AT_FDCWD, FSCONFIG_CMD_CREATE, FSCONFIG_CMD_CREATE_EXCL, FSCONFIG_CMD_RECONFIGURE, FSCONFIG_SET_BINARY, FSCONFIG_SET_FD, FSCONFIG_SET_FLAG,
  FSCONFIG_SET_PATH, FSCONFIG_SET_PATH_EMPTY, FSCONFIG_SET_STRING,
} from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { finishCleanContext, vfsCmdCreate, vfsCmdReconfigure, vfsParseFsParam } from '../fs/fs-context';
import { fail, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { mountApiMissing } from './mount-api-variants';

export interface FsconfigArgs {
  readonly fd: number;
  readonly cmd: number;
  /** null: the NULL pointer. */
  readonly key: string | null;
  readonly value: string | null;
  readonly aux: number;
}

/**
 * Which arguments each command takes: anything else is EINVAL before the fd
 * is even looked at; an unknown command is EOPNOTSUPP.
 */
function argumentsFit(args: FsconfigArgs): 'EINVAL' | 'EOPNOTSUPP' | null {
  const { cmd, key, value, aux } = args;
  switch (cmd) {
    case FSCONFIG_SET_FLAG:
      return key === null || value !== null || aux ? 'EINVAL' : null;
    case FSCONFIG_SET_STRING:
      return key === null || value === null || aux ? 'EINVAL' : null;
    case FSCONFIG_SET_BINARY:
      return key === null || value === null || aux <= 0 || aux > 1024 * 1024 ? 'EINVAL' : null;
    case FSCONFIG_SET_PATH:
    case FSCONFIG_SET_PATH_EMPTY:
      return key === null || value === null || (aux !== AT_FDCWD && aux < 0) ? 'EINVAL' : null;
    case FSCONFIG_SET_FD:
      return key === null || value !== null || aux < 0 ? 'EINVAL' : null;
    case FSCONFIG_CMD_CREATE:
    case FSCONFIG_CMD_CREATE_EXCL:
    case FSCONFIG_CMD_RECONFIGURE:
      return key !== null || value !== null || aux ? 'EINVAL' : null;
  }
  return 'EOPNOTSUPP';
}

/**
 * fsconfig(2): the arguments' shape, the fd (EBADF; EINVAL if it is no fs
 * context), then under the context's mutex the phase and the command: a
 * parameter only while parameters are taken (EBUSY otherwise), CMD_CREATE
 * once, CMD_RECONFIGURE on a picked or mounted superblock.
 * Analogous to fs/fsopen.c:SYSCALL_DEFINE5(fsconfig) + vfs_fsconfig_locked() (6.18).
 */
export function fsconfig(k: Kernel, task: Task, args: FsconfigArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'fsconfig', () => {
    if (mountApiMissing(k)) return fail('ENOSYS');
    if (args.fd < 0) return fail('EINVAL');
    const shape = argumentsFit(args);
    if (shape) return fail(shape);
    const file = task.files.get(args.fd);
    if (!file || file.oPath) return fail('EBADF'); // fdget(): an O_PATH file is no file here
    const fc = file.private_data;
    if (!fc) return fail('EINVAL'); // f_op != &fscontext_fops
    if (args.cmd === FSCONFIG_SET_FD && !task.files.has(args.aux)) return fail('EBADF'); // fget(aux)
    finishCleanContext(fc);
    switch (args.cmd) {
      case FSCONFIG_CMD_CREATE:
      case FSCONFIG_CMD_CREATE_EXCL:
        return vfsCmdCreate(k, task, fc);
      case FSCONFIG_CMD_RECONFIGURE:
        return vfsCmdReconfigure(k, task, fc);
    }
    if (fc.phase !== 'FS_CONTEXT_CREATE_PARAMS' && fc.phase !== 'FS_CONTEXT_RECONF_PARAMS') return fail('EBUSY');
    // Binary blobs, paths and fds reach tmpfs and proc as values they cannot take, like a bare flag.
    const value = args.cmd === FSCONFIG_SET_STRING ? args.value : null;
    return vfsParseFsParam(fc, args.key!, value, task.user_ns === k.init_user_ns);
  });
}
