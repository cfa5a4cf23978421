/** The error a note that is listed (or still on disk) but reads as nothing stands for: a link to nothing. */
export function linkToNothing(file: string): Error {
  return Object.assign(new Error(`${file} is a symbolic link to nothing`), { code: 'ENOENT' });
}
