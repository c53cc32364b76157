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
    }
}
