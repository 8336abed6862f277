// Row 5's input: a long transcript in the dialect, generated as one cycle
// repeated over a few slots, so that the mount table stays small and every
// command costs about the same however long the transcript is. Every command
// succeeds on the model (bench/sections/shell.ts checks), so no error path is timed.

const SLOTS = 8;

/** One cycle on slot `j`: mount, open, bind, clone and move, unmount. */
function cycle(j: number): string[] {
  const a = `/mnt/t/a${j}`;
  const b = `/mnt/t/b${j}`;
  return [
    `mkdir -p ${a} ${b}`,
    `mount -t tmpfs none ${a}`,
    `touch ${a}/f`,
    `ls ${a}`,
    `exec 3<${a}/f`,
    `mount --bind ${a} ${b}`,
    `cat ${b}/f`,
    `exec 3<&-`,
    `umount ${b}`,
    `cd ${a} && pwd`,
    `cd /`,
    `open_tree_clone 3<${a} 3 move_mount 3 ${b}`,
    `umount ${b}`,
    `umount -l ${a}`,
    `mount`,
  ];
}

/** The transcript text ("# " lines) with `commands` commands, roughly. */
export function generateTranscript(commands: number): string {
  const lines = ['mkdir -p /mnt/t'];
  for (let i = 0; lines.length < commands; i++) lines.push(...cycle(i % SLOTS));
  return `${lines.map((l) => `# ${l}`).join('\n')}\n`;
}
