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
        Sessions => "Sessions", "Sessies";
        SharedNotes => "Shared notes", "Gedeelde notities";
        PrivateNotes => "My private notes", "Mijn privénotities";
        NoRelationshipYet => "You have no mentoring relationship yet.", "Je hebt nog geen mentorrelatie.";
        NoItems => "No action items.", "Geen actiepunten.";
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
        YourGoals => "Your goals", "Jouw doelen";
        MenteeGoals => "Your mentees' goals", "Doelen van je mentees";
        BriefTitle => "Brief: {}", "Briefing: {}";
        BriefIntro => "Since the last session, read in two minutes before the call. Both of you see the same.",
            "Sinds de vorige sessie, in twee minuten gelezen voor het gesprek. Jullie zien allebei hetzelfde.";
        OpenBrief => "Open the brief", "Naar de briefing";
        OpenCalendar => "Calendar", "Agenda";
        OpenBriefWith => "Open the brief with {}", "Naar de briefing met {}";
        NotMetYet => "Not met yet", "Nog niet gesproken";
        LastMetToday => "Last met today", "Vandaag voor het laatst gesproken";
        LastMetYesterday => "Last met yesterday", "Gisteren voor het laatst gesproken";
        LastMetDays => "Last met {} days ago", "{} dagen geleden voor het laatst gesproken";
        AgreedWeekly => "you agreed every week", "jullie spraken elke week af";
        AgreedBiweekly => "you agreed every 2 weeks", "jullie spraken om de 2 weken af";
        AgreedMonthly => "you agreed every month", "jullie spraken elke maand af";
        NoFrequency => "no meeting frequency agreed yet", "nog geen frequentie afgesproken";
        You => "you", "jij";
        Mentee => "Mentee", "Mentee";
        Mentor => "Mentor", "Mentor";
        Goals => "Goals", "Doelen";
        GoalSince => "{} → {} of {} {} since the last session", "{} → {} van {} {} sinds de vorige sessie";
        GoalSinceStart => "{} → {} of {} {} since the start", "{} → {} van {} {} sinds het begin";
        AchievedSince => "achieved since the last session", "bereikt sinds de vorige sessie";
        PartlySince => "partly achieved since the last session", "deels bereikt sinds de vorige sessie";
        DroppedSince => "dropped since the last session", "losgelaten sinds de vorige sessie";
        NoActiveGoals => "No active goals.", "Geen actieve doelen.";
        ActionItems => "Action items", "Actiepunten";
        TallyLine => "Done since the last session: {} · open: {} · overdue: {}",
            "Gedaan sinds de vorige sessie: {} · open: {} · te laat: {}";
        TallyLineStart => "Done since the start: {} · open: {} · overdue: {}",
            "Gedaan sinds het begin: {} · open: {} · te laat: {}";
        OverdueSince => "overdue since {}", "te laat sinds {}";
        DoneMark => "done", "gedaan";
        Commitments => "What the mentor promised", "Wat de mentor toezegde";
        Delivered => "delivered", "geleverd";
        NotDelivered => "not yet delivered", "nog niet geleverd";
        NoCommitments => "No promises open or delivered since the last session.",
            "Geen toezeggingen open of geleverd sinds de vorige sessie.";
        LastCheckin => "Last check-in: {}", "Laatste check-in: {}";
        NoCheckin => "No check-in answers for the last session.", "Geen check-in-antwoorden bij de vorige sessie.";
        ComingAgenda => "Next session: {}", "Volgende sessie: {}";
        Print => "Print", "Afdrukken";
        CopyMarkdown => "Copy as Markdown", "Kopiëren als Markdown";
        Copied => "Copied as Markdown.", "Gekopieerd als Markdown.";
        CopyFailed => "Could not copy: the browser did not allow it.", "Kopiëren lukte niet: de browser stond het niet toe.";
        YourMentees => "Your mentees", "Jouw mentees";
        NextOn => "Next session: {}", "Volgende sessie: {}";
        FlagsOf => "What needs attention with {}", "Wat aandacht vraagt bij {}";
        FlagOverdueOne => "1 overdue item", "1 actiepunt te laat";
        FlagOverdue => "{} overdue items", "{} actiepunten te laat";
        FlagCheckin => "Check-in missing", "Check-in ontbreekt";
        FlagNoSession => "No session for longer than agreed", "Langer geen sessie dan afgesproken";
        FlagUnsigned => "Agreement not signed", "Afspraken niet ondertekend";
        FlagChanged => "Agreement changed: signature awaited", "Afspraken gewijzigd: handtekening nodig";
        FlagNotPrepared => "Preparation not shared", "Voorbereiding niet gedeeld";
        OpenRoadmap => "Open the roadmap", "Naar de routekaart";
    }
}
