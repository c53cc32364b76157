//! The calendar's words, in English and Dutch.

crate::i18n::messages! {
    CalendarMsg {
        Title => "Calendar", "Agenda";
        Intro => "Your sessions in the calendar app you already use: once as a file, or kept up to date by a private link.",
            "Jullie sessies in de agenda-app die je al gebruikt: één keer als bestand, of bijgehouden via een privélink.";
        Download => "Download the sessions", "Sessies downloaden";
        DownloadText => "A file of the planned sessions (.ics) that any calendar app opens. It shows the sessions as they are now.",
            "Een bestand met de geplande sessies (.ics) dat elke agenda-app opent. Het toont de sessies zoals ze nu zijn.";
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
