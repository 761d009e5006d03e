/** Bound on memoised expansions and ARN patterns, so a long editing session cannot grow them without end. */
const MEMO_LIMIT = 10_000;

/** Stores value under key (emptying a full memo first) and returns it. */
export function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}
