// The shape of a language file, in a module of its own: the language files import it, and
// messages.ts imports them (lazily), so neither has to import the other.

/** A language's words by message key; placeholders are {name}. */
export type Messages = Record<string, string>;
