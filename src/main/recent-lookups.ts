/**
 * A lookup remembered for a moment: the busy public paths (an application names its agency, whose
 * jurisdiction picks the calendar) ask the database once a second per process instead of on every
 * request. Only what was found is remembered — something made a moment ago in another process is found
 * at once — and agencies are never removed; a change (a renamed or re-zoned agency) is seen within `ms`.
 */
export function recentLookups<T>(
  find: (id: string) => Promise<T | undefined>,
  ms: number,
  now: () => number = Date.now,
): (id: string) => Promise<T | undefined> {
  const found = new Map<string, { at: number; value: Promise<T | undefined> }>();
  return (id) => {
    const recent = found.get(id);
    if (recent && now() - recent.at < ms) return recent.value;
    const value = find(id);
    if (found.size > 10_000) found.clear();
    found.set(id, { at: now(), value });
    // Not found (or failed): not remembered.
    value.then(
      (v) => v === undefined && found.get(id)?.value === value && found.delete(id),
      () => found.get(id)?.value === value && found.delete(id),
    );
    return value;
  };
}
