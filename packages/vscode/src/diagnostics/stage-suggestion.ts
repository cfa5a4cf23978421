import { STAGES, type Stage } from '@rapport/core';

/** The stage a misspelt value most likely meant, or `undefined` when none is close. */
export function closestStage(value: string): Stage | undefined {
  const wanted = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  let best: { stage: Stage; distance: number } | undefined;
  for (const stage of STAGES) {
    const distance = stage.startsWith(wanted) && wanted.length >= 3 ? 0 : editDistance(wanted, stage);
    if (!best || distance < best.distance) best = { stage, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.stage.length / 3)) ? best.stage : undefined;
}

/** Levenshtein distance, for short words. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
