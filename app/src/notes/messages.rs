//! The session notes' words, in English and Dutch.

crate::i18n::messages! {
    NotesMsg {
        Title => "Notes", "Notities";
        Shared => "Shared notes (you both see and edit these)", "Gedeelde notities (jullie zien en bewerken ze allebei)";
        Private => "My private notes (only you see these)", "Mijn privénotities (alleen jij ziet ze)";
    }
}
