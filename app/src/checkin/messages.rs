//! The session page's and the check-in's words, in English and Dutch.

crate::i18n::messages! {
    CheckinMsg {
        NoSuchSession => "This session is not on the roadmap (any more).", "Deze sessie staat (niet meer) op de routekaart.";
        Title => "Check-in", "Check-in";
        Intro => "At the end of the session, each of you answers three questions: on your own phone, or taking turns on one.", "Aan het eind van de sessie beantwoorden jullie allebei drie vragen: elk op de eigen telefoon, of om de beurt op één.";
        WhoAnswers => "Who is answering?", "Wie antwoordt er?";
        You => "You", "Jij";
        Partner => "Your partner", "Je partner";
        Useful => "What was useful about our conversation today?", "Wat was er nuttig aan ons gesprek vandaag?";
        Next => "What are your next steps — what will you do, learn or explore before our next conversation?", "Wat zijn je volgende stappen — wat ga je doen, leren of verkennen voor ons volgende gesprek?";
        Change => "What should we change for our next conversation, or which areas do we want to focus on?", "Wat moeten we veranderen voor ons volgende gesprek, of op welke gebieden willen we ons concentreren?";
        Rating => "How was this session? (optional)", "Hoe was deze sessie? (niet verplicht)";
        RatingN => "{} out of 5", "{} van 5";
        Fit => "After this first session: is this a good fit?", "Na deze eerste sessie: past het goed?";
        FitGood => "Good fit", "Past goed";
        FitUnsure => "Not sure yet", "Nog niet zeker";
        FitPoor => "Not a good fit", "Past niet goed";
        Answers => "Answers", "Antwoorden";
        YourAnswers => "Your answers", "Jouw antwoorden";
        TypedOnYours => "Typed in on your device", "Ingevuld op jouw apparaat";
        TypedOnTheirs => "Typed in on the device of {}", "Ingevuld op het apparaat van {}";
        AnswersOf => "Answers of {}", "Antwoorden van {}";
        NoAnswer => "No answer yet.", "Nog geen antwoord.";
        Rated => "Rated {} out of 5.", "Beoordeeld met {} van 5.";
        MakeMyAction => "Make my next steps an action item", "Maak van mijn volgende stappen een actiepunt";
        MakeActionOf => "Make the next steps of {} an action item", "Maak van de volgende stappen van {} een actiepunt";
        MadeAction => "Made an action item.", "Er is een actiepunt van gemaakt.";
        AddMyFocus => "Add my focus to the agenda of session {}", "Zet mijn focus op de agenda van sessie {}";
        AddFocusOf => "Add the focus of {} to the agenda of session {}", "Zet de focus van {} op de agenda van sessie {}";
        AddedFocus => "Put on the agenda of session {}.", "Op de agenda van sessie {} gezet.";
        PlanNext => "Plan the next session to put this on its agenda.", "Plan de volgende sessie om dit op de agenda te zetten.";
        CheckedInBy => "Check-in: {}", "Check-in: {}";
        AndJoin => " and ", " en ";
        YouLower => "you", "jij";
        Serves => "Goals this session serves", "Doelen waar deze sessie aan werkt";
        ServesHint => "Tick the goals you work on in this session. A goal can also be its theme.", "Vink de doelen aan waar jullie in deze sessie aan werken. Een doel kan ook het thema zijn.";
        AsTheme => "Make it the theme", "Maak het thema";
        UseAsTheme => "Make it the theme: {}", "Maak het thema: {}";
    }
}
