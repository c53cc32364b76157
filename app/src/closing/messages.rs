//! The words of closing a relationship, in English and Dutch.

crate::i18n::messages! {
    ClosingMsg {
        Title => "Closing the relationship", "De relatie afsluiten";
        Intro => "Before you end it: say how each goal ended, and look back. Ending keeps everything readable and exportable for both of you; afterwards only your closing reflections can still be written.",
            "Voordat je de relatie beëindigt: zeg hoe elk doel is afgelopen, en kijk terug. Daarna blijft alles leesbaar en te exporteren voor jullie allebei; alleen jullie afsluitende reflecties kunnen dan nog worden geschreven.";
        GoalsHeading => "How did each goal end?", "Hoe is elk doel afgelopen?";
        NoOpenGoals => "No goal is still open.", "Er staat geen doel meer open.";
        Achieved => "Achieved", "Bereikt";
        Partly => "Partly", "Deels";
        Dropped => "Dropped", "Losgelaten";
        ChooseStatus => "Choose how this goal ended.", "Kies hoe dit doel is afgelopen.";
        ChooseAll => "Choose how each goal ended first.", "Kies eerst hoe elk doel is afgelopen.";
        ReflectionHeading => "Your closing reflection", "Jouw afsluitende reflectie";
        ReflectionHint => "Optional. {} reads it as you write it.", "Niet verplicht. {} leest het mee terwijl je schrijft.";
        Gained => "What did you gain from this relationship?", "Wat heeft deze relatie je opgeleverd?";
        Differently => "What would you do differently?", "Wat zou je anders doen?";
        Rating => "How would you rate the relationship? (optional)", "Hoe beoordeel je de relatie? (niet verplicht)";
        RatingN => "{} out of 5", "{} van 5";
        Rated => "Rated {} out of 5.", "Beoordeeld met {} van 5.";
        Saving => "Saving the goals' final status before ending…", "De eindstand van de doelen wordt opgeslagen voordat de relatie wordt beëindigd…";
        Offline => "You are offline. It ends as soon as this device is online again, as long as this page stays open.",
            "Je bent offline. De relatie wordt beëindigd zodra dit apparaat weer online is, zolang deze pagina open blijft.";
        NotSaved => "Some changes to this relationship were not accepted, so it was not ended. Open “Sync status” at the top to see them, and discard them or try again.",
            "Niet alle wijzigingen in deze relatie zijn opgeslagen, dus de relatie is niet beëindigd. Open ‘Synchronisatie’ bovenaan om ze te bekijken, en verwerp ze of probeer het opnieuw.";
        Reflections => "Closing reflections", "Afsluitende reflecties";
        ReflectionOf => "Reflection of {}", "Reflectie van {}";
        NoReflection => "{} has not written a reflection (yet).", "{} heeft (nog) geen reflectie geschreven.";
        FinalGoals => "How the goals ended", "Hoe de doelen zijn afgelopen";
        NoGoals => "There were no goals.", "Er waren geen doelen.";
        Still => "Still open", "Nog open";
        WriteYours => "Write your closing reflection", "Schrijf je afsluitende reflectie";
        Read => "Read the closing reflections", "Lees de afsluitende reflecties";
    }
}
