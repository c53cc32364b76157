//! The words of Today and of what needs attention, in English and Dutch.

crate::i18n::messages! {
    ScreenMsg {
        Today => "Today", "Vandaag";
        NeedsYou => "Needs you", "Wacht op jou";
        NeedsYouCount => "{} things need you", "{} dingen wachten op jou";
        NeedsYouOne => "1 thing needs you", "1 ding wacht op jou";
        NothingNeedsYou => "Nothing needs you right now.", "Er wacht nu niets op jou.";
        Dismiss => "Dismiss", "Verbergen";
        DismissLine => "Dismiss: {}", "Verbergen: {}";
        Overdue => "“{}” has been overdue since {}", "“{}” is te laat sinds {}";
        CheckinMissing => "Answer the check-in of the session of {}",
            "Beantwoord de check-in van de sessie van {}";
        PartnerAdded => "{} put “{}” on the next agenda", "{} zette “{}” op de volgende agenda";
        SignatureAwaited => "The agreement awaits your signature", "De afspraken wachten op je handtekening";
        PreparationShared => "{} shared their preparation", "{} deelde de voorbereiding";
        SessionDue => "A session has been due since {}: plan the next one",
            "Sinds {} is er een sessie nodig: plan de volgende";
        WithPartner => "with {}", "met {}";
        YourItems => "Your action items", "Jouw actiepunten";
        YourCommitments => "Your commitments and action items", "Jouw toezeggingen en actiepunten";
        NothingOpen => "Nothing open. Well done.", "Niets open. Goed bezig.";
        NextSession => "Next session", "Volgende sessie";
        NextSessions => "Next sessions", "Volgende sessies";
        NoSessionPlanned => "No session planned.", "Geen sessie gepland.";
        Agenda => "Agenda", "Agenda";
        NothingOnAgenda => "Nothing on the agenda yet.", "Nog niets op de agenda.";
        CarriedOver => "carried over", "overgenomen";
        AddToAgenda => "Add to the agenda", "Toevoegen aan de agenda";
        AddToAgendaWith => "Add to the agenda with {}", "Toevoegen aan de agenda met {}";
        NextStep => "Next step", "Volgende stap";
        NextSteps => "Next steps", "Volgende stappen";
        StepInvite => "Invite your partner: share the invite link",
            "Nodig je partner uit: deel de uitnodigingslink";
        StepPrepare => "Prepare: what you want, what you bring, what you expect",
            "Bereid je voor: wat je wilt, wat je meebrengt, wat je verwacht";
        StepAgree => "Agree: roles, scope and how often you meet, signed by both",
            "Maak afspraken: rollen, onderwerpen en hoe vaak jullie elkaar zien, door beiden ondertekend";
        StepGoals => "Set your goals: specific, measurable, with a date",
            "Stel doelen: specifiek, meetbaar, met een datum";
        StepPlan => "Plan your sessions: dates and themes", "Plan jullie sessies: data en thema's";
        OpenRoadmap => "Open the roadmap", "Naar de routekaart";
    }
}
