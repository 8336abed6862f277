// The World of one scenario on one kernel: which backend runs it, the
// transcript it ran, and what each command did.

import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { CommandResult, TranscriptLine } from '../engine/transcript/types';

export interface MountspecParameters {
  /** The backend this run checks: a model variant or `live`. */
  readonly kernel: string;
}

export class MountspecWorld extends World<MountspecParameters> {
  lines: TranscriptLine[] = [];
  results: CommandResult[] | null = null;
  /** Where the current step's docstring starts in its feature file (for line numbers). */
  docStringPlace: { file: string; line: number } | null = null;

  constructor(options: IWorldOptions<MountspecParameters>) {
    super(options);
  }

  get kernel(): string {
    return this.parameters.kernel;
  }
}

setWorldConstructor(MountspecWorld);
