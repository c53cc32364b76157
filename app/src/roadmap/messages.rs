//! The roadmap's words, in English and Dutch.

crate::i18n::messages! {
    RoadmapMsg {
        Open => "Open the roadmap", "Naar de routekaart";
        OpenSession => "Notes and check-in", "Notities en check-in";
        OpenSessionOf => "Notes and check-in of session {}", "Notities en check-in van sessie {}";
        Title => "Roadmap", "Routekaart";
        Intro => "Where your conversations go: plan the sessions and give each a theme, such as industry trends, time management, lessons learned or technical issues.", "Waar jullie gesprekken heen gaan: plan de sessies en geef elke sessie een thema, zoals trends in de sector, timemanagement, geleerde lessen of technische vragen.";
        Calendar => "Calendar", "Agenda";
        CalendarText => "A file of the planned sessions (.ics) for any calendar app. Without the time zone of your meeting times, the agreement asks for it first.",
            "Een bestand met de geplande sessies (.ics) voor elke agenda-app. Zonder de tijdzone van jullie afspraaktijden vraagt de overeenkomst daar eerst om.";
        AddToCalendar => "Add to calendar", "Aan agenda toevoegen";
        CalendarLink => "Subscribe in a calendar app", "Abonneren in een agenda-app";
        Plan => "Plan sessions", "Sessies plannen";
        NeedsCadence => "To propose dates, the agreement needs: {}.", "Om data voor te stellen, moeten de afspraken nog bevatten: {}.";
        MissingFrequency => "how often you meet", "hoe vaak jullie afspreken";
        MissingWeekday => "the weekday", "de weekdag";
        MissingTime => "the time", "de tijd";
        MissingDuration => "how long a session lasts", "hoe lang een sessie duurt";
        HowMany => "Number of sessions", "Aantal sessies";
        Propose => "Propose dates", "Data voorstellen";
        Proposed => "Proposed from the agreement. Change a date or time, or untick one to skip it.", "Voorgesteld op basis van de afspraken. Pas een datum of tijd aan, of vink er een uit om die over te slaan.";
        KeepN => "Plan proposed session {}", "Voorgestelde sessie {} plannen";
        DateN => "Date of proposed session {}", "Datum van voorgestelde sessie {}";
        TimeN => "Time of proposed session {}", "Tijd van voorgestelde sessie {}";
        SaveProposals => "Save these sessions", "Deze sessies opslaan";
        AddOne => "Add a session", "Een sessie toevoegen";
        Date => "Date", "Datum";
        Starts => "Starts", "Begint";
        Ends => "Ends", "Eindigt";
        Theme => "Theme of the new session", "Thema van de nieuwe sessie";
        ThemeOfN => "Theme of session {}", "Thema van sessie {}";
        PlaceOfN => "Place or video link of session {}", "Plaats of videolink van sessie {}";
        SaveSession => "Save session", "Sessie opslaan";
        ErrEndsBeforeStart => "A session must end after it starts.", "Een sessie moet eindigen nadat ze begint.";
        ErrTooLong => "A session can last at most 10 hours.", "Een sessie duurt hoogstens 10 uur.";
        ErrTime => "Pick a time.", "Kies een tijd.";
        ErrDate => "Pick a date.", "Kies een datum.";
        Planned => "Planned sessions", "Geplande sessies";
        NonePlanned => "No sessions planned yet.", "Nog geen sessies gepland.";
        Past => "Past sessions", "Eerdere sessies";
        SessionN => "Session {}", "Sessie {}";
        Overlaps => "Overlaps with session {}.", "Overlapt met sessie {}.";
        CheckinMissing => "Check-in missing", "Check-in ontbreekt";
        DeleteSession => "Delete session {}", "Sessie {} verwijderen";
        NoTheme => "No theme yet", "Nog geen thema";
        Suggested => "Themes to choose from, in every theme field: {}.", "Thema's om uit te kiezen, in elk themaveld: {}.";
        ThemeTrends => "Industry trends", "Trends in de sector";
        ThemeTime => "Time management", "Timemanagement";
        ThemeLessons => "Lessons learned", "Geleerde lessen";
        ThemeTechnical => "Technical issues", "Technische vragen";
        Agenda => "Agenda", "Agenda";
        AddToAgendaOf => "Add to the agenda of session {}", "Toevoegen aan de agenda van sessie {}";
        AddToSession => "Add to session {}", "Toevoegen aan sessie {}";
        AddedByYou => "added by you", "toegevoegd door jou";
        AddedBy => "added by {}", "toegevoegd door {}";
        AddedByPartner => "added by your partner", "toegevoegd door je partner";
        CarriedFrom => "carried over from session {}", "overgenomen van sessie {}";
        Mon => "Mon", "ma";
        Tue => "Tue", "di";
        Wed => "Wed", "wo";
        Thu => "Thu", "do";
        Fri => "Fri", "vr";
        Sat => "Sat", "za";
        Sun => "Sun", "zo";
    }
}
