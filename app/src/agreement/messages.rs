//! The agreement's words, in English and Dutch (prompts from the mission's `agree.*` keys).

crate::i18n::messages! {
    AgreeMsg {
        Title => "Agreement", "Afspraken";
        Intro => "Set clear boundaries together. Both of you can edit everything here; each signs when it is right. A change after signing withdraws both signatures.", "Maak samen duidelijke afspraken. Jullie kunnen hier allebei alles wijzigen; ieder tekent als het klopt. Een wijziging na het tekenen trekt beide handtekeningen in.";
        Role => "What do I see as my role?", "Wat zie ik als mijn rol?";
        Expect => "What are my expectations?", "Wat zijn mijn verwachtingen?";
        Scope => "Which areas does the mentoring cover?", "Op welke gebieden strekt de begeleiding zich uit?";
        Meetings => "My boundaries around meetings: time, place, frequency", "Mijn grenzen rond afspraken: tijd, locatie, frequentie";
        Contact => "When and how do I want to be contacted (e-mail, phone)?", "Wanneer en hoe wil ik benaderd worden (e-mail, telefoon)?";
        Middle => "What is a middle ground for both of us?", "Wat is een middenweg voor ons beiden?";
        YourView => "Your view", "Jouw kijk";
        TheirView => "{}'s view", "De kijk van {}";
        PartnerView => "Your partner's view", "De kijk van je partner";
        Frequency => "How often", "Hoe vaak";
        Weekly => "Weekly", "Wekelijks";
        Biweekly => "Every 2 weeks", "Om de 2 weken";
        Monthly => "Monthly", "Maandelijks";
        Weekday => "Preferred day", "Voorkeursdag";
        Mon => "Monday", "maandag";
        Tue => "Tuesday", "dinsdag";
        Wed => "Wednesday", "woensdag";
        Thu => "Thursday", "donderdag";
        Fri => "Friday", "vrijdag";
        Sat => "Saturday", "zaterdag";
        Sun => "Sunday", "zondag";
        Time => "Preferred time", "Voorkeurstijd";
        Duration => "How long", "Hoe lang";
        Minutes => "{} minutes", "{} minuten";
        Place => "Place or video link", "Plek of videolink";
        TimeZone => "Time zone of the meeting times", "Tijdzone van de afspraaktijden";
        UseZone => "Use {}", "{} gebruiken";
        UnknownZone => "Not a time zone this device knows. Write it as Region/City, such as Europe/Amsterdam.",
            "Geen tijdzone die dit apparaat kent. Schrijf hem als Regio/Stad, zoals Europe/Amsterdam.";
        Channels => "Ways to reach each other", "Manieren om elkaar te bereiken";
        Email => "E-mail", "E-mail";
        Phone => "Phone", "Telefoon";
        Chat => "Chat", "Chat";
        HoursMentor => "When the mentor can be reached", "Wanneer de mentor bereikbaar is";
        HoursMentee => "When the mentee can be reached", "Wanneer de mentee bereikbaar is";
        ReplyTime => "Expected reply time", "Verwachte reactietijd";
        SameDay => "The same day", "Dezelfde dag";
        NextDay => "The next day", "De volgende dag";
        TwoDays => "Within 2 days", "Binnen 2 dagen";
        Week => "Within a week", "Binnen een week";
        EndDate => "End date (optional)", "Einddatum (optioneel)";
        NotChosen => "Not chosen yet", "Nog niet gekozen";
        RoleMentorTerm => "the mentor's role", "de rol van de mentor";
        RoleMenteeTerm => "the mentee's role", "de rol van de mentee";
        ExpectMentorTerm => "the mentor's expectations", "de verwachtingen van de mentor";
        ExpectMenteeTerm => "the mentee's expectations", "de verwachtingen van de mentee";
        ScopeTerm => "the scope", "de reikwijdte";
        FrequencyTerm => "how often you meet", "hoe vaak jullie afspreken";
        WeekdayTerm => "the day", "de dag";
        TimeTerm => "the time", "de tijd";
        DurationTerm => "how long you meet", "hoe lang jullie afspreken";
        PlaceTerm => "the place", "de plek";
        TimeZoneTerm => "the time zone", "de tijdzone";
        ChannelsTerm => "the ways to reach each other", "de manieren om elkaar te bereiken";
        HoursTerm => "when you can be reached", "wanneer jullie bereikbaar zijn";
        ReplyTerm => "the reply time", "de reactietijd";
        MiddleTerm => "the middle ground", "de middenweg";
        EndDateTerm => "the end date", "de einddatum";
        Signatures => "Signatures", "Handtekeningen";
        Sign => "Sign this version", "Deze versie tekenen";
        SignedBoth => "Signed by both: this is your agreement.", "Door beiden getekend: dit zijn jullie afspraken.";
        SignedThis => "{}: signed this version on {}.", "{}: heeft deze versie getekend op {}.";
        SignedEarlier => "{}: signed an earlier version.", "{}: heeft een eerdere versie getekend.";
        NotSigned => "{}: has not signed.", "{}: heeft niet getekend.";
        You => "You", "Jij";
        ChangedSince => "Changed since you both signed on {}: {}. Both signatures are withdrawn until you both sign again.", "Gewijzigd sinds jullie allebei tekenden op {}: {}. Beide handtekeningen zijn ingetrokken tot jullie allebei opnieuw tekenen.";
        Outdated => "Your signature is for an earlier version: {} changed since. Read it again and sign if it is right.", "Je handtekening geldt voor een eerdere versie: {} is sindsdien gewijzigd. Lees het opnieuw en teken als het klopt.";
        Versions => "Versions you both signed", "Versies die jullie allebei tekenden";
        VersionOf => "Signed by both on {}", "Door beiden getekend op {}";
        Open => "Open the agreement", "Naar de afspraken";
    }
}
