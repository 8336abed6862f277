import { VARIANTS, type VariantId } from './kernel/variants';
import { checkDialect } from './shell/dialect';
import { ModelSession } from './shell/session';
import type { Backend, CommandResult, TranscriptLine } from './transcript/types';

/** A model kernel variant behind the Backend interface. */
export function createModelBackend(id: VariantId): Backend {
  return {
    id,
    description: VARIANTS[id].description,
    async run(lines: readonly TranscriptLine[]): Promise<CommandResult[]> {
      for (const line of lines) checkDialect(line); // the whole transcript, before anything runs
      const session = new ModelSession(id);
      return lines.map((line) => session.run(line));
    },
    async stream(lines, each): Promise<void> {
      for (const line of lines) checkDialect(line);
      const session = new ModelSession(id, { snapshots: false });
      for (const line of lines) each(session.run(line));
    },
  };
}
