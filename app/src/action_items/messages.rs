//! The action items' words, in English and Dutch.

crate::i18n::messages! {
    ActionItemMsg {
        ActionItems => "Action items", "Actiepunten";
        ItemsYours => "Yours", "Van jou";
        ItemsOf => "{}'s", "Van {}";
        ItemsOfRole => "Your {}'s", "Van je {}";
        NoOpenItems => "Nothing open.", "Niets open.";
        DoneCount => "Done ({})", "Gedaan ({})";
        DueOn => "Due {}", "Uiterlijk {}";
        OverdueSince => "Overdue since {}", "Te laat sinds {}";
        NotSyncedYet => "Not synced yet", "Nog niet gesynchroniseerd";
        DoneAt => "Done {}", "Afgerond {}";
        NoDueDate => "no due date", "geen uiterste datum";
        ChangedMeanwhile => "Meanwhile this was changed elsewhere to “{}”.",
            "Intussen is dit elders gewijzigd in “{}”.";
        UseTheirs => "Use theirs", "Die overnemen";
        UseTheirsFor => "Use theirs for {}", "Die overnemen voor {}";
        EditItem => "Edit “{}”", "“{}” bewerken";
        DeleteItem => "Delete “{}”", "“{}” verwijderen";
        ItemDeleted => "Deleted “{}”.", "“{}” verwijderd.";
        ItemTitle => "Title", "Titel";
        ItemNotes => "Notes", "Notities";
        ItemDue => "Due date", "Uiterste datum";
        ItemDueOptional => "Due date (optional)", "Uiterste datum (optioneel)";
        ItemFor => "For", "Voor";
        ForMe => "Me", "Mij";
        ForPartner => "My {}", "Mijn {}";
        AddItemHeading => "Add an action item", "Actiepunt toevoegen";
        NewItem => "New action item", "Nieuw actiepunt";
        AddedBy => "Added by {} on {}", "Toegevoegd door {} op {}";
        You => "you", "jou";
        YourPartnerRole => "your {}", "je {}";
    }
}
