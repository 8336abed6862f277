// The kernel's lists are intrusive (list_del() unlinks a node in O(1) and
// allocates nothing); the model's are arrays. These take an entry out of one
// without the array splice() returns, which every unmount made once per
// mount (hash chains, child lists, slave lists).

/** Remove the first `entry` from `list`, keeping the others' order; false if it was not there. */
export function listDel<T>(list: T[], entry: T): boolean {
  const i = list.indexOf(entry);
  if (i < 0) return false;
  const last = list.length - 1;
  for (let j = i; j < last; j++) list[j] = list[j + 1]!;
  list.pop(); // not `length = last`: V8 shrinks the length through the runtime, pop() inline
  return true;
}
