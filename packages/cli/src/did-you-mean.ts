import { STAGES } from '@rapport/core';
import { nearest } from '@rapport/core/internal';

/** The usage message for a stage that is not one. */
export function unknownStageMessage(stage: string): string {
  const near = nearest(stage, STAGES, 1)[0];
  return `unknown stage "${stage}"${near ? `: did you mean ${near}?` : ''} (use one of: ${STAGES.join(', ')})`;
}
