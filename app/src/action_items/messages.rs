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
        OnlyOwnerTicks => "Only the person it is for ticks it off.",
            "Alleen wie het moet doen, vinkt het af.";
        EndedNoTick => "The relationship has ended: nothing more can be ticked off.",
            "De relatie is beëindigd: er kan niets meer worden afgevinkt.";
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
        ErrDue => "Choose a date from 2000 to 2199.", "Kies een datum van 2000 tot en met 2199.";
        ItemFor => "For", "Voor";
        ForMe => "Me", "Mij";
        ForPartner => "My {}", "Mijn {}";
        AddItemHeading => "Add an action item", "Actiepunt toevoegen";
        NewItem => "New action item", "Nieuw actiepunt";
        AddedBy => "Added by {} on {}", "Toegevoegd door {} op {}";
        You => "you", "jou";
        YourPartnerRole => "your {}", "je {}";
        Commitment => "What the mentor provides", "Wat de mentor geeft";
        CommitmentKind => "Kind of commitment", "Soort toezegging";
        CommitmentTask => "Nothing: a task", "Niets: een taak";
        Information => "Information to provide", "Informatie om te geven";
        Resource => "A resource to provide", "Een bron om te geven";
        Contact => "A contact to provide", "Een contact om te geven";
        FollowThrough => "Follow-through", "Opvolging";
        FollowIntro => "Action items with a due date, and how many were done by then.", "Actiepunten met een uiterste datum, en hoeveel er op tijd klaar waren.";
        FollowYou => "You", "Jij";
        NothingDue => "nothing due yet", "nog niets verlopen";
        OnTimeRecent => "{} of {} on time in the last 90 days", "{} van {} op tijd in de laatste 90 dagen";
        OnTimeOverall => "{} of {} overall", "{} van {} in totaal";
        OverdueN => "{} overdue", "{} te laat";
    }
}
