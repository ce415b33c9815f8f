// Text of the shopper's or the shop's own (an email, a name) put into a sentence of Tote's: isolated
// (U+2068 … U+2069), so that in a right-to-left sentence "ada@example.com." keeps its dot at the end
// and a Latin name does not reorder the Arabic around it. Screen readers skip the two marks.

/** `text`, isolated from the direction of the sentence it goes into. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
