// One backend per kernel id per process: the live one probes its privilege
// once, and says why once when it cannot run.

import { createBackend } from '../../engine/backends';
import { BackendUnavailable, type Backend } from '../../engine/transcript/types';

const backends = new Map<string, Promise<Backend | BackendUnavailable>>();

export function backendFor(kernel: string): Promise<Backend | BackendUnavailable> {
  let backend = backends.get(kernel);
  if (!backend) {
    backend = createBackend(kernel).catch((error: unknown) => {
      if (error instanceof BackendUnavailable) return error;
      throw error;
    });
    backends.set(kernel, backend);
  }
  return backend;
}

/** Makes `kernel`'s scenarios run on this backend (run-spec: the live column reads its runs from a pool). */
export function useBackend(kernel: string, backend: Backend | BackendUnavailable): void {
  backends.set(kernel, Promise.resolve(backend));
}
