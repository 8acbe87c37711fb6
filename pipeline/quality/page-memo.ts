// Per-page results that depend on one number (a rule's threshold), computed once per page and
// value and shared by every rule that asks (a WeakMap: they go with the page).
import type { Page } from '../page.js';

export function pageMemo<T>(): (page: Page, key: number, make: () => T) => T {
  const memo = new WeakMap<Page, Map<number, T>>();
  return (page, key, make) => {
    let byKey = memo.get(page);
    if (!byKey) {
      byKey = new Map();
      memo.set(page, byKey);
    }
    let value = byKey.get(key);
    if (value === undefined) {
      value = make();
      byKey.set(key, value);
    }
    return value;
  };
}
