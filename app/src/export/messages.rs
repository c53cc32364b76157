//! The export's words, in English and Dutch.

crate::i18n::messages! {
    ExportMsg {
        Title => "Your data", "Je gegevens";
        AllText => "Everything this device holds of your relationships, as one JSON file: each relationship's facts and every record you can see, with its ids. Your partner's private notes and drafts are never in it.",
            "Alles wat dit apparaat van je relaties heeft, als één JSON-bestand: de gegevens van elke relatie en elk record dat je kunt zien, met de id's. De privénotities en concepten van je partner staan er nooit in.";
        DownloadAll => "Download all my data (JSON)", "Al mijn gegevens downloaden (JSON)";
        DownloadOne => "Download this relationship (JSON)", "Deze relatie downloaden (JSON)";
        NotReady => "This device has not read your data yet. Try again in a moment.", "Dit apparaat heeft je gegevens nog niet gelezen. Probeer het zo opnieuw.";
    }
}
