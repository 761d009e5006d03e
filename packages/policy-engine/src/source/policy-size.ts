// Policy size as IAM counts it against its quotas: every character except whitespace outside strings.

function isJsonWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export interface PolicySize {
  /** Characters, not counting whitespace outside JSON strings. */
  size: number;
  /** Offset in the text where the count first exceeds `limit` (undefined when it never does). */
  overflowOffset: number | undefined;
}

/** Counts `text` without whitespace (outside strings); `limit` also finds where the quota is first exceeded. */
export function measurePolicySize(text: string, limit = Infinity): PolicySize {
  let size = 0;
  let overflowOffset: number | undefined;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) {
        size++;
        i++;
      } else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (isJsonWhitespace(c)) continue;
    size++;
    if (size > limit && overflowOffset === undefined) overflowOffset = i;
  }
  return { size, overflowOffset };
}
