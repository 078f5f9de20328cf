/**
 * Size limits of the editor. Texts above `LARGE_TEXT_CHARS` are checked in a
 * Web Worker (background-check.ts) so the page never freezes; nothing is ever
 * truncated.
 *
 * @example text.length > LARGE_TEXT_CHARS; // check off the main thread
 */

/** Above this many characters, parsing and checking run off the main thread. */
export const LARGE_TEXT_CHARS = 1_000_000;
