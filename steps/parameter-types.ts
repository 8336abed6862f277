import { defineParameterType } from '@cucumber/cucumber';
import type { CommandRef } from './support/results';

// {command}: "umount -l /mnt", or 'the 2nd "cd /"' for a command that repeats.
defineParameterType({
  name: 'command',
  regexp: /(?:the (\d+)(?:st|nd|rd|th) )?"([^"]*)"/,
  transformer: (occurrence: string | undefined, text: string): CommandRef => ({ text, occurrence: occurrence ? Number(occurrence) : null }),
});

// {mountRef}: which mount a model-state step looks at.
defineParameterType({
  name: 'mountRef',
  regexp: /the mount at "([^"]*)"|the shell's cwd|the mount on fd (\d+)/,
  transformer: (path: string | undefined, fd: string | undefined) =>
    path !== undefined ? { kind: 'path' as const, path } : fd !== undefined ? { kind: 'fd' as const, fd: Number(fd) } : { kind: 'cwd' as const },
});
