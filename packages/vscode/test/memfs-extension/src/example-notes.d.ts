/** examples/job-search, file by file (`/`-separated path → text), bundled by build.mjs. */
declare module 'example-notes' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
