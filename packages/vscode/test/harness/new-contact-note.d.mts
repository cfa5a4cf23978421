/** The note New Contact writes for the browser and memfs tests' answers, dated `today` (`YYYY-MM-DD`). */
export function newContactNote(today: string): string;
