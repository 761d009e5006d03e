// "Did you mean …?" for names typed slightly wrong: a case-only difference first, then a small edit distance.
import { distance } from 'fastest-levenshtein';

/** The candidate closest to `word`, when it is close enough to be what the author meant. */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length === 0 || word.length > 200) return undefined;
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(word.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d <= allowed && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** " Did you mean X?" or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closestName(word, candidates);
  return best === undefined ? '' : ` Did you mean ${best}?`;
}
