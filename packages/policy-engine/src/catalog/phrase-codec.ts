// Shortens the catalog's descriptions: each of up to 186 frequent phrases ("Grants permission to ",
// "Filters access by", " the specified" …) is replaced by a two-character code, a marker followed by one
// alphanumeric character. The markers occur in no description (the build checks), so decoding is one pass.

const MARKERS = '^#%';
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const MAX_PHRASES = MARKERS.length * DIGITS.length;
const CODE = /[\^#%][0-9A-Za-z]/g;

export function containsCodecMarker(text: string): boolean {
  return /[\^#%]/.test(text);
}

function codeOf(index: number): string {
  return (MARKERS[Math.floor(index / DIGITS.length)] as string) + (DIGITS[index % DIGITS.length] as string);
}

function indexOfCode(code: string): number {
  return MARKERS.indexOf(code[0] as string) * DIGITS.length + DIGITS.indexOf(code[1] as string);
}

/** Returns an encoder for the given phrases; it replaces them in one left-to-right pass, longest first. */
export function phraseEncoder(phrases: readonly string[]): (text: string) => string {
  if (phrases.length > MAX_PHRASES) throw new Error(`At most ${MAX_PHRASES} phrases, got ${phrases.length}`);
  if (phrases.length === 0) return (text) => text;
  const codes = new Map(phrases.map((phrase, i) => [phrase, codeOf(i)]));
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  const pattern = new RegExp(alternatives.join('|'), 'g');
  return (text) => text.replace(pattern, (phrase) => codes.get(phrase) ?? phrase);
}

export function decodePhrases(text: string, phrases: readonly string[]): string {
  return text.replace(CODE, (code) => phrases[indexOfCode(code)] ?? code);
}
