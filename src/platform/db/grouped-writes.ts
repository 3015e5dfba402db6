/**
 * Writes that arrive while one is under way wait and go together in the next: one statement or
 * transaction for many callers. Under load this turns hundreds of round trips to the database into a
 * few; alone, a write is a group of one and waits for nothing. Each caller gets its own result, in the
 * order the group was given.
 */
export interface GroupOptions<T, R> {
  /** The most items one group takes. */
  readonly limit: number;
  /**
   * When a group fails, each of its items is written again alone with this, so that one item's problem
   * is never another's; without it, every caller of the group gets the error.
   */
  readonly alone?: (item: T) => Promise<R>;
}

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

export function groupedWrites<T, R>(
  writeGroup: (items: readonly T[]) => Promise<readonly R[]>,
  options: GroupOptions<T, R>,
): (item: T) => Promise<R> {
  const queue: Waiting<T, R>[] = [];
  let writing = false;

  async function writeGroups(): Promise<void> {
    writing = true;
    try {
      while (queue.length > 0) {
        const group = queue.splice(0, options.limit);
        try {
          const results = await writeGroup(group.map((w) => w.item));
          group.forEach((w, i) => w.resolve(results[i]!));
        } catch (error) {
          if (!options.alone) for (const w of group) w.reject(error);
          else for (const w of group) await options.alone(w.item).then(w.resolve, w.reject);
        }
      }
    } finally {
      writing = false;
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void writeGroups();
    });
}
