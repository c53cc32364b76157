//! The goals' words, in English and Dutch.

crate::i18n::messages! {
    GoalMsg {
        Progress => "Progress", "Voortgang";
        ValueOfTarget => "{} of {} {}", "{} van {} {}";
        Reached => "Target reached", "Doel bereikt";
        OnTrack => "On track", "Op schema";
        AheadBy => "On track: ahead by {} {}", "Op schema: {} {} voor";
        BehindBy => "Behind by {} {}", "{} {} achter";
        OverdueShort => "Date passed: {} {} to go", "Datum voorbij: nog {} {} te gaan";
        NoDate => "No target date", "Geen streefdatum";
        PerWeek => "Needs {} {} a week to make it", "Nodig: {} {} per week";
        ChartText => "Progress over time: {}. Aim: {} by {}.", "Voortgang in de tijd: {}. Doel: {} op {}.";
        ChartTextNoDate => "Progress over time: {}. Aim: {}.", "Voortgang in de tijd: {}. Doel: {}.";
        ValueOn => "{} on {}", "{} op {}";
        Title => "Goals", "Doelen";
        Intro => "The mentee's goals for this relationship. Make them SMART: specific, measurable, achievable, relevant and time-bound. A goal can be saved before it is complete.", "De doelen van de mentee voor deze relatie. Maak ze SMART: specifiek, meetbaar, haalbaar, relevant en tijdgebonden. Je kunt een doel opslaan voordat het af is.";
        NewGoal => "New goal", "Nieuw doel";
        GoalTitle => "Short title", "Korte titel";
        Description => "What exactly do you want to achieve?", "Wat wil je precies bereiken?";
        Unit => "Measured in (such as talks or kg)", "Gemeten in (zoals praatjes of kg)";
        Start => "Start value", "Beginwaarde";
        Target => "Target value", "Streefwaarde";
        Achievable => "Why is it achievable?", "Waarom is het haalbaar?";
        Relevant => "Why does it matter now?", "Waarom is het nu belangrijk?";
        TargetDate => "Target date", "Streefdatum";
        SaveGoal => "Save goal", "Doel opslaan";
        Checklist => "SMART checklist", "SMART-checklist";
        LetterS => "Specific", "Specifiek";
        LetterM => "Measurable", "Meetbaar";
        LetterA => "Achievable", "Haalbaar";
        LetterR => "Relevant", "Relevant";
        LetterT => "Time-bound", "Tijdgebonden";
        LetterDone => "{}: done", "{}: in orde";
        LetterMissing => "{}: missing", "{}: ontbreekt";
        StillMissing => "Still missing: {}", "Ontbreekt nog: {}";
        ErrNumber => "Enter a number, such as 6 or 79.5.", "Vul een getal in, zoals 6 of 79,5.";
        ErrSameAsStart => "The target must differ from the start value.", "De streefwaarde moet verschillen van de beginwaarde.";
        ErrBothNumbers => "Give both a start and a target value, or neither.", "Vul zowel een begin- als een streefwaarde in, of geen van beide.";
        ErrDatePast => "A new goal needs a date in the future.", "Een nieuw doel heeft een datum in de toekomst nodig.";
        ErrDateRequired => "Pick a date.", "Kies een datum.";
        LogProgress => "Log progress", "Voortgang vastleggen";
        NewValue => "New value", "Nieuwe waarde";
        UpdateDate => "Date", "Datum";
        UpdateNote => "Note (optional)", "Notitie (optioneel)";
        SaveUpdate => "Save progress", "Voortgang opslaan";
        MarkAchieved => "Mark as achieved", "Markeren als bereikt";
        DropGoal => "Drop this goal", "Dit doel laten vallen";
        DropReason => "Why drop it?", "Waarom laat je het vallen?";
        ConfirmDrop => "Drop it", "Laten vallen";
        History => "Achieved and dropped", "Bereikt en losgelaten";
        AchievedLine => "Achieved", "Bereikt";
        DroppedLine => "Dropped: {}", "Losgelaten: {}";
        NoGoals => "No goals yet.", "Nog geen doelen.";
        Updates => "Progress so far", "Voortgang tot nu toe";
        OpenGoals => "Open the goals", "Naar de doelen";

    }
}
