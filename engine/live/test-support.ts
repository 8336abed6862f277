// Shared by the live backend's tests: transcript lines from commands, the
// comparable part of a result, and mountinfo with its machine-specific
// numbers (mount IDs, device minors) renumbered in order of appearance.
import type { CommandResult, TranscriptLine } from '../transcript/types';
import { unavailableReason } from './probe';

/** Why the live tests cannot run here, or false. */
export const liveSkip: string | false = unavailableReason() ?? false;

export function transcript(...commands: string[]): TranscriptLine[] {
  return commands.map((command, i) => ({ command, file: 'test.txt', line: i + 1 }));
}

export function visible(result: CommandResult): Pick<CommandResult, 'command' | 'status' | 'stuck' | 'stdout' | 'stderr'> {
  const { command, status, stuck, stdout, stderr } = result;
  return { command, status, stuck, stdout, stderr };
}

/** `63 42 0:39 / / …` → `M1 P0 0:D1 / / …`: IDs renumbered, so runs compare equal. */
export function normaliseMountinfo(text: string): string {
  const ids = new Map<string, string>();
  const devs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const id = line.split(' ')[0];
    if (id) ids.set(id, `M${ids.size + 1}`);
  }
  return text
    .split('\n')
    .map((line) => {
      const [id, parent, dev, ...rest] = line.split(' ');
      if (!id || !parent || !dev) return line;
      if (!devs.has(dev)) devs.set(dev, `0:D${devs.size + 1}`);
      return [ids.get(id), ids.get(parent) ?? 'P0', devs.get(dev), ...rest].join(' ');
    })
    .join('\n');
}
