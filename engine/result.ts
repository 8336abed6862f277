import type { Errno } from './errno';

/**
 * What a syscall returns: a value, or an errno, as the kernel's
 * `-EINVAL` convention. Exceptions are kept for bugs in the model itself.
 */
export type SyscallResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errno: Errno };

export function ok<T>(value: T): SyscallResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(errno: Errno): SyscallResult<T> {
  return { ok: false, errno };
}

/** A broken invariant of the model: a bug in mountspec, never a kernel outcome. */
export class EngineBug extends Error {
  constructor(message: string) {
    super(`engine bug: ${message}`);
    this.name = 'EngineBug';
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new EngineBug(message);
}
