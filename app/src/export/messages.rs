//! The export's words, in English and Dutch.

crate::i18n::messages! {
    ExportMsg {
        Title => "Your data", "Je gegevens";
        AllText => "Everything this device holds of your relationships: as one JSON file, each relationship's facts and every record you can see, with its ids; or as a document to read (Markdown): the agreement, goals and progress, sessions with their agendas, notes and check-ins, and action items. Your partner's private notes and drafts are never in them.",
            "Alles wat dit apparaat van je relaties heeft: als één JSON-bestand, met de gegevens van elke relatie en elk record dat je kunt zien, met de id's; of als document om te lezen (Markdown): de afspraken, doelen en voortgang, sessies met hun agenda, notities en check-ins, en actiepunten. De privénotities en concepten van je partner staan er nooit in.";
        DownloadAll => "Download all my data (JSON)", "Al mijn gegevens downloaden (JSON)";
        DownloadOne => "Download this relationship (JSON)", "Deze relatie downloaden (JSON)";
        MarkdownAll => "Download all as a document (Markdown)", "Alles downloaden als document (Markdown)";
        MarkdownOne => "Download this relationship as a document (Markdown)", "Deze relatie downloaden als document (Markdown)";
        NotReady => "This device has not read your data yet. Try again in a moment.", "Dit apparaat heeft je gegevens nog niet gelezen. Probeer het zo opnieuw.";
    }
}
