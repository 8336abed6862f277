// Every backend by id: the four model variants, and the live kernel.

import { isModelVariant, MODEL_VARIANT_IDS } from './kernel/variants';
import { createModelBackend } from './model-backend';
import type { Backend } from './transcript/types';

export const BACKEND_IDS = [...MODEL_VARIANT_IDS, 'live'] as const;

/** The backend for an id; the live one is loaded only when asked for. */
export async function createBackend(id: string): Promise<Backend> {
  if (isModelVariant(id)) return createModelBackend(id);
  if (id === 'live') {
    const { createLiveBackend } = await import('./live');
    return createLiveBackend();
  }
  throw new Error(`unknown kernel "${id}": choose one of ${BACKEND_IDS.join(', ')}`);
}
