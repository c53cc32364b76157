//! What a text may hold: no format characters that hide text or reorder how it shows.

/// Unicode format characters (category Cf) that only hide or reorder text: zero-width spaces,
/// joiners between words, byte-order marks, and the bidirectional embeddings, overrides and
/// isolates that can make "Anna" display as someone else's name. The format characters real
/// writing needs stay allowed: the zero-width (non-)joiner of emoji and Persian, the soft
/// hyphen, the tag characters of flag emoji and the signs of particular scripts. A short
/// table rather than a Unicode category crate: it runs in the browser too.
const REFUSED: [(char, char); 13] = [
    // The Arabic letter mark is a direction mark as U+200E/F are; the Hangul fillers are
    // letters that show nothing, so a name of them looks blank.
    ('\u{061C}', '\u{061C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200B}'),
    ('\u{200E}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{E0001}', '\u{E0001}'),
];

/// Whether `c` is a character nobody types on purpose in a name or a note.
pub fn is_invisible(c: char) -> bool {
    REFUSED.iter().any(|&(low, high)| (low..=high).contains(&c))
}

/// Whether `text` holds any such character.
pub fn contains_invisible(text: &str) -> bool {
    text.chars().any(is_invisible)
}

/// Characters that show nothing on their own, though real writing uses some of them (the soft
/// hyphen, joiners, variation selectors, tag characters, the blank Braille pattern): a text of
/// only these and spaces looks blank.
const SHOW_NOTHING: [(char, char); 18] = [
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{2800}', '\u{2800}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF0}', '\u{FFF8}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0000}', '\u{E0FFF}'),
];

/// Whether `text` shows nothing: empty, or only spaces and characters that show nothing.
pub fn looks_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || SHOW_NOTHING
                .iter()
                .any(|&(low, high)| (low..=high).contains(&c))
    })
}

/// Whether `text` breaks a line: a one-line text (a name, a title) holds none of these.
pub fn breaks_line(text: &str) -> bool {
    text.contains([
        '\n', '\r', '\u{2028}', '\u{2029}', '\u{85}', '\u{0B}', '\u{0C}',
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_overrides_and_zero_width_spaces_are_invisible() {
        for c in [
            '\u{202E}', '\u{202A}', '\u{2066}', '\u{2069}', '\u{200B}', '\u{200F}', '\u{2060}',
            '\u{FEFF}',
        ] {
            assert!(is_invisible(c), "{:04X}", c as u32);
        }
    }

    #[test]
    fn a_text_of_only_characters_that_show_nothing_looks_blank() {
        for text in [
            "",
            " \u{00AD}\u{00AD}",
            "\u{200D}",
            "\u{034F}\u{FE0F}",
            "\u{E0041}\u{E0042}",
            "\u{2800}\u{2800}",
            "\u{3164}",
            "\u{3000}",
        ] {
            assert!(looks_blank(text), "{text:?}");
        }
        for text in ["a\u{00AD}", "👍\u{FE0F}", "🏴\u{E0067}\u{E007F}", "·"] {
            assert!(!looks_blank(text), "{text:?}");
        }
    }

    #[test]
    fn line_and_paragraph_separators_break_a_line() {
        assert!(breaks_line("one\u{2028}two"));
        assert!(breaks_line("one\ntwo"));
        assert!(!breaks_line("one two"));
    }

    #[test]
    fn emoji_sequences_persian_words_and_soft_hyphens_are_kept() {
        for text in [
            "👩\u{200D}👩\u{200D}👧",
            "می\u{200C}خواهم",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
            "Donau\u{00AD}dampf",
            "Zoë O'Brien-van Dijk",
        ] {
            assert!(!contains_invisible(text), "{text}");
        }
    }
}
