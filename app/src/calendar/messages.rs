//! The calendar's words, in English and Dutch.

crate::i18n::messages! {
    CalendarMsg {
        Title => "Calendar", "Agenda";
        AddToCalendar => "Add to calendar", "Aan agenda toevoegen";
        AddText => "A file of the planned sessions (.ics) for any calendar app.",
            "Een bestand met de geplande sessies (.ics) voor elke agenda-app.";
        NeedsZone => "A calendar needs the time zone of your meeting times. Give it in the agreement, under meetings.",
            "Een agenda heeft de tijdzone van jullie afspraaktijden nodig. Geef die op in de overeenkomst, bij de afspraken.";
        GiveZone => "Give the time zone", "Tijdzone opgeven";
        Subscribe => "Subscribe in a calendar app", "Abonneren in een agenda-app";
        SubscribeText => "A private link your calendar app checks by itself, so that new and changed sessions show there. Anyone with the link sees the sessions: keep it to yourself.",
            "Een privélink die je agenda-app zelf bijhoudt, zodat nieuwe en gewijzigde sessies daar verschijnen. Iedereen met de link ziet de sessies: houd hem voor jezelf.";
        MakeLink => "Make a subscription link", "Abonnementslink maken";
        NewLink => "Make a new link (the old one stops)", "Nieuwe link maken (de oude stopt)";
        StopLink => "Stop the subscription", "Abonnement stoppen";
        LinkMade => "You have a subscription link, made on {}.", "Je hebt een abonnementslink, gemaakt op {}.";
        NoLink => "You have no subscription link.", "Je hebt geen abonnementslink.";
        LinkLabel => "Subscription link", "Abonnementslink";
        ShownOnce => "Shown only now: copy it into your calendar app.", "Alleen nu te zien: kopieer hem naar je agenda-app.";
        Copy => "Copy link", "Link kopiëren";
        Copied => "Copied.", "Gekopieerd.";
        OpenInApp => "Open in calendar app", "Openen in agenda-app";
        Stopped => "The subscription has stopped: the link no longer works.", "Het abonnement is gestopt: de link werkt niet meer.";
    }
}

/// Words the server writes into calendars in the reader's language, never in the bundle.
#[cfg(feature = "ssr")]
pub mod answered {
    crate::i18n::messages! {
        CalendarWords {
            Untitled => "Mentoring session", "Mentorgesprek";
            Agenda => "Agenda", "Agenda";
        }
    }
}
