// Every backend by id: the four model variants, and the live kernel.

import { isModelVariant, MODEL_VARIANT_IDS } from './kernel/variants';
import { createLiveBackend } from './live';
import { createModelBackend } from './model-backend';
import type { Backend } from './transcript/types';

export const BACKEND_IDS = [...MODEL_VARIANT_IDS, 'live'] as const;

/** The backend for an id; the live one throws BackendUnavailable where it cannot run. */
export async function createBackend(id: string): Promise<Backend> {
  if (isModelVariant(id)) return createModelBackend(id);
  if (id === 'live') {
    return createLiveBackend();
  }
  throw new Error(`unknown kernel "${id}": choose one of ${BACKEND_IDS.join(', ')}`);
}
