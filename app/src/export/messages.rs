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
        ImportTitle => "Bring back a relationship", "Een relatie terugzetten";
        ImportText => "Choose a Tandem export (JSON) to bring its relationships back into this account, with every record and its history. Your partner shows as a former member. If anything in the file is refused, nothing of it is kept; the same file brought back twice changes nothing.",
            "Kies een Tandem-export (JSON) om de relaties erin terug te zetten in dit account, met elk record en de geschiedenis ervan. Je partner staat er als voormalig lid in. Wordt iets in het bestand geweigerd, dan blijft er niets van over; hetzelfde bestand twee keer terugzetten verandert niets.";
        ImportFile => "Tandem export (JSON)", "Tandem-export (JSON)";
        ImportButton => "Bring back", "Terugzetten";
        Importing => "Bringing back…", "Bezig met terugzetten…";
        ErrNoFile => "Choose a file first.", "Kies eerst een bestand.";
        ErrTooLarge => "This file is larger than 10 MB.", "Dit bestand is groter dan 10 MB.";
        ErrOffline => "The server could not be reached: bringing a file back needs a connection.", "De server is niet bereikbaar: een bestand terugzetten kan alleen online.";
        NotReady => "This device has not read your data yet. Try again in a moment.", "Dit apparaat heeft je gegevens nog niet gelezen. Probeer het zo opnieuw.";
    }
}
