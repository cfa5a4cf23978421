import leven from 'leven';

/**
 * The candidates a mistyped word most likely meant, best first (at most
 * `limit`): those a few edits away (a third of the word, at least 2), then
 * those with a dash-separated part that starts with the word or is a few
 * edits from it (`schultz`, `hann` or `shultz` → `hannah-schultz`), as people
 * type a name. "A few" is a third of the shorter of the two: a short part
 * (`touch` in `keep-in-touch`) is not near every word of its length.
 */
export function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const typed = word.toLowerCase();
  const allowed = Math.max(2, Math.floor(typed.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    const edits = leven(typed, lower);
    if (edits <= allowed) {
      scored.push({ candidate, score: edits });
      continue;
    }
    if (typed.length < 3 || typed.includes('-')) continue;
    const parts = lower.split('-');
    if (parts.some((part) => part.startsWith(typed))) scored.push({ candidate, score: allowed + 1 });
    else if (typed.length >= 4) {
      const near = parts.map((part) => leven(typed, part)).filter((edits, index) => edits <= Math.floor(Math.min(typed.length, parts[index]!.length) / 3));
      if (near.length > 0) scored.push({ candidate, score: allowed + 1 + Math.min(...near) });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/** ` (did you mean a, b or c?)`, or nothing when no candidate is near. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  return suggestionWords(nearest(word, candidates));
}

/** ` (did you mean a, b or c?)` for suggestions found already, or nothing when there are none. */
export function suggestionWords(found: readonly string[]): string {
  if (found.length === 0) return '';
  return ` (did you mean ${found.length === 1 ? found[0] : `${found.slice(0, -1).join(', ')} or ${found.at(-1)}`}?)`;
}
