/**
 * Text descriptors for text drift: per row, character length, share of non-letter characters and
 * out-of-vocabulary word share against the reference vocabulary; per column, the share of distinct
 * current words new to the reference. Words are maximal runs of Unicode letters, lower-cased. A reference
 * row is scored against the vocabulary of the other reference rows (leave-one-out), so both sides face
 * words they have not seen the same way. Missing texts give NaN descriptors (treated as missing downstream).
 */

/** Descriptor ids and display names, in report order. */
export const textDescriptorNames = {
  length: "text length (characters)",
  non_letter_share: "share of non-letter characters",
  oov_share: "out-of-vocabulary word share",
} as const;

/** A descriptor id. */
export type TextDescriptorId = keyof typeof textDescriptorNames;

/** Per-row descriptor values of one side (NaN for a missing text or a text with no words for OOV). */
export type TextDescriptorColumns = Readonly<Record<TextDescriptorId, Float64Array>>;

/** Descriptors of both sides and the column-level new-word share. */
export interface TextDescriptors {
  readonly reference: TextDescriptorColumns;
  readonly current: TextDescriptorColumns;
  /** Distinct current words absent from the reference vocabulary / distinct current words. */
  readonly newWordShare: number;
  readonly referenceVocabularySize: number;
}

const wordPattern = /\p{L}+/gu;
const letterPattern = /\p{L}/u;

/** Splits text into lower-cased words (runs of letters). */
export function toWords(text: string): string[] {
  return (text.toLowerCase().match(wordPattern) ?? []) as string[];
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function computeNonLetterShare(text: string): number {
  let characters = 0;
  let nonLetters = 0;
  for (const ch of text) {
    characters++;
    if (!letterPattern.test(ch)) nonLetters++;
  }
  return characters === 0 ? 0 : nonLetters / characters;
}

function allocate(size: number): Record<TextDescriptorId, Float64Array> {
  return {
    length: new Float64Array(size),
    non_letter_share: new Float64Array(size),
    oov_share: new Float64Array(size),
  };
}

/** Counts, per word, how many reference rows contain it (document frequency). */
function countDocumentFrequency(rows: readonly (readonly string[] | undefined)[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const words of rows) {
    if (words === undefined) continue;
    for (const w of new Set(words)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  }
  return frequency;
}

function fillSide(
  texts: readonly (string | null)[],
  words: readonly (readonly string[] | undefined)[],
  isKnown: (word: string, rowWords: ReadonlySet<string>) => boolean,
): Record<TextDescriptorId, Float64Array> {
  const out = allocate(texts.length);
  texts.forEach((text, i) => {
    const rowWords = words[i];
    if (text === null || rowWords === undefined) {
      out.length[i] = Number.NaN;
      out.non_letter_share[i] = Number.NaN;
      out.oov_share[i] = Number.NaN;
      return;
    }
    out.length[i] = countCodePoints(text);
    out.non_letter_share[i] = computeNonLetterShare(text);
    const unique = new Set(rowWords);
    let unknown = 0;
    for (const w of rowWords) if (!isKnown(w, unique)) unknown++;
    out.oov_share[i] = rowWords.length === 0 ? Number.NaN : unknown / rowWords.length;
  });
  return out;
}

/** Computes the descriptors of a text column's two sides. */
export function computeTextDescriptors(
  reference: readonly (string | null)[],
  current: readonly (string | null)[],
): TextDescriptors {
  const referenceWords = reference.map((t) => (t === null ? undefined : toWords(t)));
  const currentWords = current.map((t) => (t === null ? undefined : toWords(t)));
  const frequency = countDocumentFrequency(referenceWords);
  // Leave-one-out: a word is known to a reference row when some other reference row also has it.
  const referenceSide = fillSide(
    reference,
    referenceWords,
    (w, own) => (frequency.get(w) ?? 0) > (own.has(w) ? 1 : 0),
  );
  const currentSide = fillSide(current, currentWords, (w) => frequency.has(w));
  const currentVocabulary = new Set(currentWords.flatMap((w) => w ?? []));
  let newWords = 0;
  for (const w of currentVocabulary) if (!frequency.has(w)) newWords++;
  return {
    reference: referenceSide,
    current: currentSide,
    newWordShare: currentVocabulary.size === 0 ? 0 : newWords / currentVocabulary.size,
    referenceVocabularySize: frequency.size,
  };
}
